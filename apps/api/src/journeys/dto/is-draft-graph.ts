import { registerDecorator, type ValidationArguments } from 'class-validator';
import { storableJsonProblems } from '../../http/storable-json';
import { draftGraphProblems } from './draft-graph-problems';

/** A journey graph that can be saved as a draft (see `draftGraphProblems`). */
export function IsDraftGraph(): PropertyDecorator {
  return problemsDecorator('isDraftGraph', draftGraphProblems);
}

/**
 * Any JSON object the validator can read: it reports shape problems itself, as `problems`, so
 * only what it cannot process safely is refused.
 */
export function IsGraphToValidate(): PropertyDecorator {
  return problemsDecorator('isGraphToValidate', (value, property) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? storableJsonProblems(value, property)
      : [`${property} must be an object`],
  );
}

function problemsDecorator(name: string, problems: (value: unknown, property: string) => string[]): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => problems(value, args?.property ?? String(property)).length === 0,
        defaultMessage: (args?: ValidationArguments) =>
          problems(args?.value, args?.property ?? String(property)).join('; '),
      },
    });
  };
}
