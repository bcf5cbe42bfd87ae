import { type WhatsAppQuickReply } from '../format/journey-graph';

/**
 * Whether an inbound WhatsApp message answers a quick reply: its text or button payload equals
 * the reply's text, ignoring case and surrounding spaces.
 */
export function matchesQuickReply(reply: WhatsAppQuickReply, attributes: Record<string, unknown>): boolean {
  const expected = normalize(reply.text);
  if (expected === undefined || expected === '') return false;
  return [attributes.text, attributes.buttonPayload].some((answer) => normalize(answer) === expected);
}

function normalize(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}
