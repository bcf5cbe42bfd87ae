import { type SentMessage } from '../api/sandbox-messages-api';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function templateText(template: Record<string, unknown>): string {
  const language = text(template['language']);
  const parameters = Array.isArray(template['bodyParameters']) ? template['bodyParameters'].filter((value): value is string => typeof value === 'string') : [];
  return `Template ${text(template['name']) ?? '?'}${language !== undefined ? ` (${language})` : ''}${parameters.length > 0 ? `: ${parameters.join(', ')}` : ''}`;
}

/** One line for a sent message: the push title and text, the email subject, the WhatsApp template or text. */
export function messagePreviewText(message: SentMessage): string {
  const content = message.content;
  const template = record(content['template']);
  const parts = [
    text(content['title']),
    text(content['body']),
    text(content['subject']),
    text(content['text']),
    template !== undefined ? templateText(template) : undefined,
    text(content['url']),
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' — ') : JSON.stringify(content).slice(0, 160);
}
