import { type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { storableJsonProblems, textProblem } from './storable-json';

const MAX_JSON_BYTES = 64 * 1024;

/** A JSON object PostgreSQL can store as jsonb: shallow enough, no NUL, no broken Unicode, at most 64 KiB. */
@ValidatorConstraint({ name: 'storableJson' })
export class StorableJsonRule implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return problem(value, args.property) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return problem(args.value, args.property) ?? '';
  }
}

/** Text PostgreSQL can store: no NUL character, no unpaired surrogate. */
@ValidatorConstraint({ name: 'storableText' })
export class StorableTextRule implements ValidatorConstraintInterface {
  validate(text: unknown, args: ValidationArguments): boolean {
    return typeof text !== 'string' || textProblem(text, args.property) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return textProblem(String(args.value), args.property) ?? '';
  }
}

function problem(value: unknown, property: string): string | undefined {
  const [first] = storableJsonProblems(value, property);
  if (first) return first;
  if (JSON.stringify(value ?? {}).length > MAX_JSON_BYTES) return `${property} must be at most 64 KiB as JSON`;
  return undefined;
}
