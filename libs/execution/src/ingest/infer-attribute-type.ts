import { parseIsoInstant } from '@engine/journey';

/** The types the events catalogue tells apart for an attribute value. */
export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'list' | 'object';

/** The catalogue type of one attribute value; undefined for null (it says nothing about the type). */
export function inferAttributeType(value: unknown): AttributeType | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      // A date-looking string: what `gt` / `lt` compare as an instant.
      return parseIsoInstant(value) === undefined ? 'string' : 'date';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}
