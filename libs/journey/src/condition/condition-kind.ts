import {
  type AndCondition,
  type Condition,
  type FieldCondition,
  type HistoryCondition,
  type NotCondition,
  type OrCondition,
  type SegmentCondition,
} from './condition';

/** A condition narrowed by its kind; `invalid` for anything that is not one well-formed kind. */
export type ClassifiedCondition =
  | { kind: 'field'; condition: FieldCondition }
  | { kind: 'history'; condition: HistoryCondition }
  | { kind: 'and'; condition: AndCondition }
  | { kind: 'or'; condition: OrCondition }
  | { kind: 'not'; condition: NotCondition }
  | { kind: 'segment'; condition: SegmentCondition }
  | { kind: 'invalid' };

const KIND_KEYS = ['field', 'history', 'and', 'or', 'not', 'segment'] as const;

/**
 * Which kind a (possibly malformed, user-supplied) condition is, by the one key that marks it.
 * An object with two marking keys (`{ and, or }`) is invalid rather than guessed at.
 */
export function classifyCondition(value: unknown): ClassifiedCondition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid' };
  const record = value as Record<string, unknown>;
  const present = KIND_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(record, key));
  if (present.length !== 1) return { kind: 'invalid' };
  switch (present[0]) {
    case 'field':
      return typeof record.field === 'string' && typeof record.op === 'string'
        ? { kind: 'field', condition: value as FieldCondition }
        : { kind: 'invalid' };
    case 'history': {
      const history = record.history as Record<string, unknown> | null;
      return typeof history === 'object' && history !== null && typeof history.event === 'string'
        ? { kind: 'history', condition: value as HistoryCondition }
        : { kind: 'invalid' };
    }
    case 'and':
      return Array.isArray(record.and) ? { kind: 'and', condition: value as AndCondition } : { kind: 'invalid' };
    case 'or':
      return Array.isArray(record.or) ? { kind: 'or', condition: value as OrCondition } : { kind: 'invalid' };
    case 'not':
      return { kind: 'not', condition: value as NotCondition };
    case 'segment':
      return typeof record.segment === 'string' ? { kind: 'segment', condition: value as SegmentCondition } : { kind: 'invalid' };
  }
}

/** Convenience guard used where a Condition may be absent or hand-written. */
export function isCondition(value: unknown): value is Condition {
  return classifyCondition(value).kind !== 'invalid';
}
