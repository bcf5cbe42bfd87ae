import { type ComparisonOperator, type Condition, type HistoryCondition } from './condition';
import { classifyCondition } from './condition-kind';
import { isRegexLiteral } from './text-match';

const MAX_DEPTH = 16;

const OPERATOR_WORDS: Record<ComparisonOperator, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  matches: 'matches',
  exists: 'exists',
  in: 'is one of',
};

/**
 * A short sentence for canvas labels: `event.text matches "help"`,
 * `tags.plan is one of "pro", "team"`, `PW_PushOpened at least once within 7d`. Never throws.
 */
export function describeCondition(c: Condition): string {
  try {
    return describeAt(c, 0);
  } catch {
    return 'invalid condition';
  }
}

function describeAt(condition: unknown, depth: number): string {
  if (depth > MAX_DEPTH) return '…';
  const classified = classifyCondition(condition);
  switch (classified.kind) {
    case 'field': {
      const { field, op, value } = classified.condition;
      const words = Object.prototype.hasOwnProperty.call(OPERATOR_WORDS, op) ? OPERATOR_WORDS[op] : String(op);
      if (op === 'exists') return `${field} exists`;
      if (op === 'matches' && typeof value === 'string' && isRegexLiteral(value)) return `${field} matches ${value}`;
      if (op === 'in' && Array.isArray(value)) return `${field} ${words} ${value.map(describeValue).join(', ')}`;
      return `${field} ${words} ${describeValue(value)}`;
    }
    case 'history':
      return describeHistory(classified.condition.history, depth);
    case 'and':
      if (classified.condition.and.length === 0) return 'always';
      return classified.condition.and.map((part) => grouped(part, 'and', depth)).join(' and ');
    case 'or':
      if (classified.condition.or.length === 0) return 'never';
      return classified.condition.or.map((part) => grouped(part, 'or', depth)).join(' or ');
    case 'not':
      return `not (${describeAt(classified.condition.not, depth + 1)})`;
    case 'segment':
      return `in segment ${classified.condition.segment}`;
    case 'invalid':
      return 'invalid condition';
  }
}

/** Parenthesise a nested combinator of the other kind so `a and (b or c)` reads right. */
function grouped(part: unknown, parent: 'and' | 'or', depth: number): string {
  const kind = classifyCondition(part).kind;
  const text = describeAt(part, depth + 1);
  const needsParentheses = (kind === 'and' || kind === 'or') && kind !== parent;
  return needsParentheses ? `(${text})` : text;
}

function describeHistory(history: HistoryCondition['history'], depth: number): string {
  const where = history.where === undefined ? '' : ` where ${describeAt(history.where, depth + 1)}`;
  const within = typeof history.within === 'string' ? ` within ${history.within}` : '';
  return `${history.event}${where} ${describeCount(history.count)}${within}`;
}

function describeCount(count: HistoryCondition['history']['count']): string {
  const op = count?.op ?? 'gte';
  const value = count?.value ?? 1;
  const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);
  switch (op) {
    case 'eq':
      return value === 0 ? 'never' : `exactly ${times(value)}`;
    case 'neq':
      return value === 0 ? 'at least once' : `not exactly ${times(value)}`;
    case 'gt':
      return `more than ${times(value)}`;
    case 'gte':
      return `at least ${times(value)}`;
    case 'lt':
      return value === 1 ? 'never' : `fewer than ${times(value)}`;
    case 'lte':
      return value === 0 ? 'never' : `at most ${times(value)}`;
    default:
      return 'invalid count';
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return '(no value)';
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  try {
    return JSON.stringify(value) ?? '(invalid value)';
  } catch {
    return '(invalid value)';
  }
}
