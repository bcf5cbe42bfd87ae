import { classifyCondition, type Condition, type FieldCondition, type HistoryCondition, type SegmentCondition } from '@engine/journey';

/**
 * How a group combines its conditions. The library has `and`, `or` and `not`; the editor shows a
 * `not` around a group as a group of its own ("none of", "not all of") rather than as raw JSON.
 */
export type GroupKind = 'and' | 'or' | 'not-and' | 'not-or';

/** The conditions of a group, when `condition` is shown as one. */
export interface ConditionGroupParts {
  kind: GroupKind;
  items: Condition[];
}

/** A field or past-event row, ticked "Not" when it sits inside a `not`. */
export type ConditionRowParts =
  | { kind: 'field'; condition: FieldCondition; negated: boolean }
  | { kind: 'history'; condition: HistoryCondition; negated: boolean }
  | { kind: 'segment'; condition: SegmentCondition; negated: boolean };

/** `and` / `or`, also inside a `not`; undefined for anything the editor does not show as a group. */
export function readGroup(condition: Condition): ConditionGroupParts | undefined {
  const classified = classifyCondition(condition);
  switch (classified.kind) {
    case 'and':
      return { kind: 'and', items: classified.condition.and };
    case 'or':
      return { kind: 'or', items: classified.condition.or };
    case 'not': {
      const inner = classifyCondition(classified.condition.not);
      if (inner.kind === 'and') return { kind: 'not-and', items: inner.condition.and };
      if (inner.kind === 'or') return { kind: 'not-or', items: inner.condition.or };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The condition a group of `kind` stands for. */
export function groupCondition(kind: GroupKind, items: Condition[]): Condition {
  switch (kind) {
    case 'and':
      return { and: items };
    case 'or':
      return { or: items };
    case 'not-and':
      return { not: { and: items } };
    case 'not-or':
      return { not: { or: items } };
  }
}

/** `and` or `or`: how the items of a group are joined, negated or not. */
export function combinator(kind: GroupKind): 'and' | 'or' {
  return kind === 'and' || kind === 'not-and' ? 'and' : 'or';
}

export function isNegatedGroup(kind: GroupKind): boolean {
  return kind === 'not-and' || kind === 'not-or';
}

/** Where the validator reports the items of a group at `path`: `${path}.and[0]`, `${path}.not.or[0]`. */
export function groupItemPath(kind: GroupKind, path: string, index: number): string {
  return `${path}${isNegatedGroup(kind) ? '.not' : ''}.${combinator(kind)}[${index}]`;
}

/** A field, past-event or in-segment condition, possibly inside one `not`; undefined for anything else. */
export function readRow(condition: Condition): ConditionRowParts | undefined {
  const classified = classifyCondition(condition);
  const negated = classified.kind === 'not';
  const inner = classified.kind === 'not' ? classifyCondition(classified.condition.not) : classified;
  if (inner.kind === 'field') return { kind: 'field', condition: inner.condition, negated };
  if (inner.kind === 'history') return { kind: 'history', condition: inner.condition, negated };
  if (inner.kind === 'segment') return { kind: 'segment', condition: inner.condition, negated };
  return undefined;
}

/** `condition` wrapped in a `not`, or bare: what the "Not" toggle of a row produces. */
export function withNegation(condition: Condition, negated: boolean): Condition {
  return negated ? { not: condition } : condition;
}
