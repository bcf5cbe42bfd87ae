import { DateTime } from 'luxon';

// Calendar dates and date-times only, so plain numbers or words are never mistaken for dates.
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// Below this a number is taken as epoch seconds (1e11 s is the year 5138; 1e11 ms is 1973).
const EPOCH_SECONDS_LIMIT = 1e11;

/**
 * Epoch ms of an ISO 8601 date or date-time string, or undefined. A string without an offset is
 * read as local time in `zone` (UTC by default).
 */
export function parseIsoInstant(text: unknown, zone = 'UTC'): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!ISO_DATE_PATTERN.test(trimmed)) return undefined;
  const parsed = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

/**
 * Epoch ms of a date held in a tag or event attribute: an ISO string, epoch milliseconds (number
 * or digit string), epoch seconds (numbers below 1e11) or a Date. Undefined when it is none.
 */
export function parseInstant(value: unknown, zone = 'UTC'): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === 'number') return epochNumber(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return epochNumber(Number(trimmed));
  return parseIsoInstant(trimmed, zone);
}

function epochNumber(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const ms = Math.abs(value) < EPOCH_SECONDS_LIMIT ? value * 1000 : value;
  // Outside the range a JS Date can hold there is no instant.
  return Math.abs(ms) <= 8.64e15 ? Math.round(ms) : undefined;
}
