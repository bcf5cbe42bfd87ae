import { type HistoryCondition } from './condition';
import { parseDuration } from '../duration/duration';

// Nesting deeper than this is cut off in the key (conditions that deep are invalid anyway).
const MAX_DEPTH = 64;

/**
 * A stable key for the event count a history condition needs: the same event, `where` and
 * `within` give the same key whatever the property order. `count` is not part of the key: it
 * only compares the count, so `at least once` and `never` share one query. `within` is keyed by
 * its length, so `1d` and `24h` share one too.
 */
export function historyKey(history: HistoryCondition['history']): string {
  const record = (typeof history === 'object' && history !== null ? history : {}) as Partial<
    HistoryCondition['history']
  >;
  const within = typeof record.within === 'string' ? (parseDuration(record.within) ?? record.within) : record.within;
  return `history:${canonicalJson({ event: record.event, where: record.where, within }, 0)}`;
}

/** JSON with object keys sorted and undefined members dropped; never throws. */
function canonicalJson(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) return 'null';
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return String(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
      return `{${Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], depth + 1)}`)
        .join(',')}}`;
    default:
      return 'null';
  }
}
