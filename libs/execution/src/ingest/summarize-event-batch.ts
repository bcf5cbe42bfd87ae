import { type AttributeType, inferAttributeType } from './infer-attribute-type';

/** What one ingested batch adds to the events catalogue: counts per name and per (name, attribute, type). */
export interface EventBatchSummary {
  names: Array<{ name: string; count: number }>;
  attributes: Array<{ name: string; attribute: string; type: AttributeType; count: number }>;
}

/** Counts a batch's events by name and their top-level attributes by inferred type, sorted (the lock order of the upsert). */
export function summarizeEventBatch(events: ReadonlyArray<{ name: string; attributes: Record<string, unknown> }>): EventBatchSummary {
  const names = new Map<string, number>();
  const attributes = new Map<string, { name: string; attribute: string; type: AttributeType; count: number }>();
  for (const event of events) {
    names.set(event.name, (names.get(event.name) ?? 0) + 1);
    for (const [attribute, value] of Object.entries(event.attributes)) {
      const type = inferAttributeType(value);
      if (type === undefined) continue;
      const key = JSON.stringify([event.name, attribute, type]);
      const seen = attributes.get(key);
      if (seen === undefined) attributes.set(key, { name: event.name, attribute, type, count: 1 });
      else seen.count += 1;
    }
  }
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    names: [...names].map(([name, count]) => ({ name, count })).sort((a, b) => byText(a.name, b.name)),
    attributes: [...attributes.values()].sort((a, b) => byText(a.name, b.name) || byText(a.attribute, b.attribute) || byText(a.type, b.type)),
  };
}
