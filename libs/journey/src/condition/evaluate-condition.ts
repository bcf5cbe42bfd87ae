import { type Condition, type ConditionFacts, type FieldCondition, type HistoryCondition } from './condition';
import { classifyCondition } from './condition-kind';
import { compareOrdered, valuesEqual } from './compare-values';
import { historyKey } from './history-key';
import { resolveField } from './resolve-field';
import { matchesText } from './text-match';

// Conditions nest this deep at most; deeper ones are false rather than a stack overflow.
const MAX_DEPTH = 64;

/**
 * Whether `condition` holds for `facts`. Pure and total: conditions and facts come from users, so
 * any malformed input evaluates to false instead of throwing. `now` is accepted for conditions
 * relative to the current time; history windows are already applied in `facts.history`.
 */
export function evaluateCondition(condition: Condition, facts: ConditionFacts, now: number): boolean {
  try {
    return evaluateAt(condition, facts, now, 0);
  } catch {
    return false;
  }
}

function evaluateAt(condition: unknown, facts: ConditionFacts, now: number, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const classified = classifyCondition(condition);
  switch (classified.kind) {
    case 'field':
      return evaluateField(classified.condition, facts);
    case 'history':
      return evaluateHistory(classified.condition.history, facts);
    case 'and':
      return classified.condition.and.every((part) => evaluateAt(part, facts, now, depth + 1));
    case 'or':
      return classified.condition.or.some((part) => evaluateAt(part, facts, now, depth + 1));
    case 'not':
      return !evaluateAt(classified.condition.not, facts, now, depth + 1);
    case 'segment': {
      const segments = isRecord(facts?.segments) ? facts.segments : {};
      return Object.prototype.hasOwnProperty.call(segments, classified.condition.segment) && segments[classified.condition.segment] === true;
    }
    case 'invalid':
      return false;
  }
}

function evaluateField(condition: FieldCondition, facts: ConditionFacts): boolean {
  const user = isRecord(facts?.user) ? facts.user : undefined;
  const actual = resolveField(condition.field, {
    tags: isRecord(user?.tags) ? user.tags : undefined,
    event: isRecord(facts?.event) ? facts.event : undefined,
    user,
  });
  const expected: unknown = condition.value;
  // null counts as missing: a cleared tag behaves like one never set.
  if (actual === undefined || actual === null) return condition.op === 'neq';
  switch (condition.op) {
    case 'eq':
      return valuesEqual(actual, expected);
    case 'neq':
      return !valuesEqual(actual, expected);
    case 'gt':
      return ordered(actual, expected, (order) => order > 0);
    case 'gte':
      return ordered(actual, expected, (order) => order >= 0);
    case 'lt':
      return ordered(actual, expected, (order) => order < 0);
    case 'lte':
      return ordered(actual, expected, (order) => order <= 0);
    case 'contains':
      return contains(actual, expected);
    case 'matches':
      return matches(actual, expected);
    case 'exists':
      return true;
    case 'in':
      return Array.isArray(expected) && expected.some((option) => valuesEqual(actual, option));
    default:
      return false;
  }
}

function ordered(actual: unknown, expected: unknown, test: (order: number) => boolean): boolean {
  const order = compareOrdered(actual, expected);
  return order !== undefined && test(order);
}

/** A string contains a substring (ignoring case), or an array contains an element (eq semantics). */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => valuesEqual(item, expected));
  const text = scalarText(actual);
  const part = scalarText(expected);
  return text !== undefined && part !== undefined && text.toLowerCase().includes(part.toLowerCase());
}

function matches(actual: unknown, expected: unknown): boolean {
  const text = scalarText(actual);
  return text !== undefined && typeof expected === 'string' && matchesText(text, expected);
}

/** Text of a string or number (an event attribute `code: 1234` still matches "1234"). */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function evaluateHistory(history: HistoryCondition['history'], facts: ConditionFacts): boolean {
  const counts = isRecord(facts?.history) ? facts.history : {};
  const stored = counts[historyKey(history)];
  const count = typeof stored === 'number' && Number.isFinite(stored) ? stored : 0;
  const comparison: unknown = history.count ?? { op: 'gte', value: 1 };
  if (!isRecord(comparison)) return false;
  const target = comparison.value;
  if (typeof target !== 'number' || !Number.isFinite(target)) return false;
  switch (comparison.op) {
    case 'eq':
      return count === target;
    case 'neq':
      return count !== target;
    case 'gt':
      return count > target;
    case 'gte':
      return count >= target;
    case 'lt':
      return count < target;
    case 'lte':
      return count <= target;
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
