import { type ComparisonOperator, type ConditionValue } from '@engine/journey';

/** A scalar typed as text: numbers become numbers, `true` / `false` booleans, the rest stays text. */
function parseScalar(text: string, op: ComparisonOperator): string | number | boolean {
  const trimmed = text.trim();
  if (op === 'matches' || op === 'contains') return text;
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (op === 'eq' || op === 'neq' || op === 'in') {
    if (trimmed === 'true') return true;
    if (trimmed === 'false') return false;
  }
  return text;
}

/** The value of a field condition from what the marketer typed (`pro, team` for `in`). */
export function parseConditionValue(text: string, op: ComparisonOperator): ConditionValue | undefined {
  if (op === 'exists') return undefined;
  if (op === 'in') {
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => parseScalar(part, op));
  }
  return parseScalar(text, op);
}

/** The text shown for a stored value. */
export function formatConditionValue(value: ConditionValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => formatConditionValue(item)).join(', ');
  return String(value);
}
