import { registerDecorator } from 'class-validator';

/** An object whose values are all strings, e.g. HTTP headers. */
export function IsStringRecord(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((item) => typeof item === 'string'),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an object whose values are strings`,
      },
    });
  };
}
