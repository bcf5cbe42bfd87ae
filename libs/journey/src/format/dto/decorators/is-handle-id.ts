import { registerDecorator } from 'class-validator';

/** Node ids and handle ids become XState state keys and URL-safe names. */
export const HANDLE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isHandleId(value: unknown): value is string {
  return typeof value === 'string' && HANDLE_ID_PATTERN.test(value);
}

/** A string of 1 to 64 letters, digits, `_` or `-`. */
export function IsHandleId(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name: 'isHandleId',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) => isHandleId(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${args.property} may only contain letters, digits, _ and - (1 to 64 characters)`
            : `${args?.property ?? 'value'} must be a string`,
      },
    });
  };
}
