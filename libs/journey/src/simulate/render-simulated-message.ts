import { type JourneyNode } from '../format/journey-graph';
import { type Channel } from '../format/node-types';
import { renderMessage } from '../template/render-message';
import { type TemplateScope } from '../template/render-template';

/** A message as the simulated user would get it: placeholders filled, one line to show in a log. */
export interface SimulatedMessage {
  channel: Channel;
  /** "the push “Your promo”": what the log line says was sent. */
  summary: string;
  /** The rendered fields by name (title, body, subject, html, text, template parameters...). */
  fields: Record<string, string>;
}

/**
 * A send node's content rendered for one user exactly as the engine renders it at send time
 * (`renderMessage`), laid out as named text fields. Fields that are not text are left out.
 */
export function renderSimulatedMessage(channel: Channel, content: JourneyNode['data'], scope: TemplateScope): SimulatedMessage {
  const rendered = renderMessage(channel, content, scope);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(rendered)) if (typeof value === 'string') fields[name] = value;
  const template = rendered['template'] as { name?: unknown; language?: unknown; bodyParameters?: unknown; headerParameters?: unknown } | undefined;
  if (template !== undefined && typeof template.name === 'string') {
    fields.template = typeof template.language === 'string' ? `${template.name} (${template.language})` : template.name;
    texts(template.headerParameters).forEach((value, index) => (fields[`header parameter ${index + 1}`] = value));
    texts(template.bodyParameters).forEach((value, index) => (fields[`body parameter ${index + 1}`] = value));
  }
  return { channel, summary: summarize(channel, fields), fields };
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function summarize(channel: Channel, fields: Record<string, string>): string {
  switch (channel) {
    case 'push':
      return `the push “${fields.title ?? ''}”`;
    case 'email':
      return `the email “${fields.subject ?? ''}”`;
    case 'whatsapp':
      return fields.template !== undefined ? `the WhatsApp template ${fields.template}` : `the WhatsApp message “${fields.text ?? ''}”`;
    case 'sms':
      return `the SMS “${fields.text ?? ''}”`;
    case 'webhook':
      return `the webhook ${fields.method ?? 'POST'} ${fields.url ?? ''}`;
  }
}
