/** The types a tag of the catalogue may have. A list holds strings. */
export const TAG_TYPES = ['string', 'integer', 'decimal', 'boolean', 'date', 'list'] as const;
export type TagType = (typeof TAG_TYPES)[number];

export function isTagType(value: unknown): value is TagType {
  return typeof value === 'string' && (TAG_TYPES as readonly string[]).includes(value);
}

/** A date as ISO 8601: a calendar date, or a date and time with a zone (`2026-03-01`, `2026-03-01T09:30:00Z`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Whether a string is an ISO 8601 date (or date and time with a zone) that names a real day. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  // Date.parse rolls 2026-02-30 over to March: the calendar date must survive the round trip.
  const day = value.slice(0, 10);
  return value.length === 10 ? new Date(time).toISOString().slice(0, 10) === day : true;
}

/**
 * The type a tag gets from its first value: booleans, whole numbers (integer), other numbers
 * (decimal), lists, strings that are ISO 8601 dates (date), other strings. Undefined for null (which
 * only clears a tag) and for values no type holds.
 */
export function inferTagType(value: unknown): TagType | undefined {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'decimal') : undefined;
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return isIsoDate(value) ? 'date' : 'string';
  return undefined;
}

/** A value checked against a tag's type: the value to store, or why it does not fit. null clears the tag. */
export type TagValueCheck = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Checks a JSON value against a tag's type. Numbers are not strings and strings are not numbers;
 * an integer tag refuses 1.5, a decimal tag takes 2; a date is an ISO 8601 string; a list is an array
 * of strings. null always passes (it removes the tag).
 */
export function checkTagValue(type: TagType, value: unknown): TagValueCheck {
  if (value === null) return { ok: true, value: null };
  const fits = (() => {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'decimal':
        return typeof value === 'number' && Number.isFinite(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'date':
        return typeof value === 'string' && isIsoDate(value);
      case 'list':
        return Array.isArray(value) && value.every((item) => typeof item === 'string');
    }
  })();
  return fits ? { ok: true, value } : { ok: false, problem: `must be ${describeTagType(type)}, not ${describeValue(value)}` };
}

/** The type as a phrase for problem texts. */
export function describeTagType(type: TagType): string {
  switch (type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'decimal':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'an ISO 8601 date such as 2026-03-01 or 2026-03-01T09:30:00Z';
    case 'list':
      return 'a list of strings';
  }
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
