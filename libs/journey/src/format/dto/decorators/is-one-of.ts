import { IsIn, type ValidationOptions } from 'class-validator';

/** The value (or with `each`, every element) is one of `values`; the message lists them. */
export function IsOneOf(values: readonly unknown[], options: ValidationOptions = {}): PropertyDecorator {
  const list = values.map(String).join(', ');
  const message = options.each ? `each value in $property must be one of ${list}` : `$property must be one of ${list}`;
  return IsIn([...values], { message, ...options });
}
