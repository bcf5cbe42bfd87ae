import { ValidateIf } from 'class-validator';

/**
 * The property may be omitted. Unlike `@IsOptional()`, `null` is still validated (and rejected by
 * the type check), so code reading an optional field only ever meets `undefined` or a valid value.
 */
export function IsOptionalProperty(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
