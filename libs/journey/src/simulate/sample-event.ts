import { type Condition } from '../condition/condition';
import { classifyCondition } from '../condition/condition-kind';
import { isRegexLiteral } from '../condition/text-match';
import { type JourneyGraph } from '../format/journey-graph';

/** Attributes that satisfy the simple parts of an entry filter: `event.text matches "promo"` -> `{ text: "promo" }`. */
export function sampleAttributes(condition: Condition | undefined): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  const visit = (part: unknown, depth: number): void => {
    if (depth > 8) return;
    const classified = classifyCondition(part);
    if (classified.kind === 'and') classified.condition.and.forEach((item) => visit(item, depth + 1));
    else if (classified.kind === 'or') visit(classified.condition.or[0], depth + 1);
    else if (classified.kind === 'field') {
      const { field, op, value } = classified.condition;
      if (!field.startsWith('event.')) return;
      const name = field.slice('event.'.length);
      if (name === '' || name.includes('.')) return;
      if ((op === 'eq' || op === 'contains' || op === 'gte' || op === 'lte') && value !== undefined && !Array.isArray(value)) attributes[name] = value;
      else if (op === 'matches' && typeof value === 'string' && !isRegexLiteral(value)) attributes[name] = value;
      else if (op === 'in' && Array.isArray(value) && value.length > 0) attributes[name] = value[0];
      else if (op === 'exists') attributes[name] = 'sample';
    }
  };
  visit(condition, 0);
  return attributes;
}

/** The event that starts the journey, with attributes that pass its filter, for a first test run. */
export function sampleEntryEvent(graph: JourneyGraph): { name: string; attributes: Record<string, unknown> } {
  const entry = graph.nodes.find((node) => node.type === 'entry.event');
  if (entry === undefined || entry.type !== 'entry.event' || entry.data.event === '') return { name: '', attributes: {} };
  return { name: entry.data.event, attributes: sampleAttributes(entry.data.where) };
}

/** The engagement event that marks a message of a channel as opened (or read). */
export function openEventFor(channel: string): string | undefined {
  switch (channel) {
    case 'push':
      return 'PW_PushOpened';
    case 'email':
      return 'PW_EmailOpened';
    case 'whatsapp':
      return 'PW_WhatsAppRead';
    default:
      return undefined;
  }
}
