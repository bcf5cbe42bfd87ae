import { registerDecorator } from 'class-validator';

/** A tag value: text, a finite number, true/false or null. */
export function IsTagValue(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name: 'isTagValue',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) =>
          value === null ||
          typeof value === 'string' ||
          typeof value === 'boolean' ||
          (typeof value === 'number' && Number.isFinite(value)),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be text, a number, true, false or null`,
      },
    });
  };
}
