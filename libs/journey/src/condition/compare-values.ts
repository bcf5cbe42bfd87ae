import { parseIsoInstant } from '../time/parse-instant';

// Deeper values than this are not compared (they cannot come from a sane condition or profile).
const MAX_DEPTH = 32;

/** A finite number, or a string that is one (`" 42 "`, `"3.5"`); undefined otherwise. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Equality of the condition language: numbers and numeric strings compare as numbers
 * (`"42"` equals `42`), strings case-sensitively, arrays and objects element by element.
 */
export function valuesEqual(left: unknown, right: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (left === right) return !(typeof left === 'number' && Number.isNaN(left));
  if (typeof left === 'number' || typeof right === 'number') {
    const a = numericValue(left);
    const b = numericValue(right);
    return a !== undefined && b !== undefined && a === b;
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) &&
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => valuesEqual(item, right[index], depth + 1))
    );
  }
  if (isPlainRecord(left) && isPlainRecord(right)) {
    const leftKeys = Object.keys(left);
    if (leftKeys.length !== Object.keys(right).length) return false;
    return leftKeys.every(
      (key) => Object.prototype.hasOwnProperty.call(right, key) && valuesEqual(left[key], right[key], depth + 1),
    );
  }
  return false;
}

/**
 * Order two values for gt/gte/lt/lte: as numbers when both are numeric, as instants when both
 * are ISO dates (or one is a date and the other epoch ms). Undefined when they do not compare.
 */
export function compareOrdered(left: unknown, right: unknown): number | undefined {
  const leftNumber = numericValue(left);
  const rightNumber = numericValue(right);
  if (leftNumber !== undefined && rightNumber !== undefined) return Math.sign(leftNumber - rightNumber);
  const leftDate = parseIsoInstant(left);
  const rightDate = parseIsoInstant(right);
  if (leftDate === undefined && rightDate === undefined) return undefined;
  const leftInstant = leftDate ?? (typeof left === 'number' ? leftNumber : undefined);
  const rightInstant = rightDate ?? (typeof right === 'number' ? rightNumber : undefined);
  if (leftInstant === undefined || rightInstant === undefined) return undefined;
  return Math.sign(leftInstant - rightInstant);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
