/**
 * The value stored under `key` in a record keyed by node ids, reading own properties only, so a
 * node id such as `constructor` never reaches Object.prototype.
 */
export function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set; computed keys define own properties, even `__proto__`. */
export function withEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  return { ...record, [key]: value };
}
