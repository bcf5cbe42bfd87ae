import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';
import { checkConditionShape } from '../../../condition/check-condition-shape';

/**
 * A condition of the condition language, checked by `checkConditionShape` (conditions are
 * recursive unions, which nested DTO classes cannot express). The property keeps the original
 * plain value instead of class-transformer's copy, so the check sees exactly what was sent.
 */
export function IsCondition(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Transform(({ obj, key }) => (obj as Record<string, unknown>)[key], { toClassOnly: true })(target, property);
    registerDecorator({
      name: 'isCondition',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown, args) => checkConditionShape(value, args?.property ?? 'condition').length === 0,
        defaultMessage: (args) => checkConditionShape(args?.value, args?.property ?? 'condition').join('; '),
      },
    });
  };
}
