import { type ValidationError } from 'class-validator';
import { type FieldPath } from './field-path';

/** One failed property of a class-validator result, with its full path. */
export interface PropertyFailure {
  path: FieldPath;
  /** The property as class-validator names it in messages (the last path segment). */
  property: string;
  value: unknown;
  /** Constraint name -> class-validator message. */
  constraints: Record<string, string>;
}

/** The class-validator error tree as a flat list, in the order class-validator reported it. */
export function flattenValidationErrors(errors: readonly ValidationError[], base: FieldPath = []): PropertyFailure[] {
  const failures: PropertyFailure[] = [];
  const walk = (list: readonly ValidationError[], parent: FieldPath, parentIsArray: boolean): void => {
    for (const error of list) {
      // An error without a property (an unknown value) concerns the parent itself.
      const property = typeof error.property === 'string' ? error.property : undefined;
      const segment = property !== undefined && parentIsArray && /^\d+$/.test(property) ? Number(property) : property;
      const path = segment === undefined ? parent : [...parent, segment];
      if (error.constraints !== undefined && Object.keys(error.constraints).length > 0) {
        failures.push({ path, property: property ?? '', value: error.value, constraints: error.constraints });
      }
      const wrongContainer = error.constraints !== undefined && isWrongContainer(error.constraints);
      if (!wrongContainer && error.children !== undefined && error.children.length > 0) {
        walk(error.children, path, Array.isArray(error.value));
      }
    }
  };
  walk(errors, base, false);
  return failures;
}

/**
 * The value is not even the right container (a list or an object), so what class-transformer
 * made of its insides means nothing. `each value in x must be an object` is about the elements.
 */
function isWrongContainer(constraints: Record<string, string>): boolean {
  return 'isArray' in constraints || ('isObject' in constraints && !constraints.isObject.startsWith('each value in '));
}
