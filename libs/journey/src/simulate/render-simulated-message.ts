import { type JourneyNode } from '../format/journey-graph';
import { type Channel } from '../format/node-types';
import { renderHtmlTemplate, renderTemplate, type TemplateScope } from '../template/render-template';

/** A message as the simulated user would get it: placeholders filled, one line to show in a log. */
export interface SimulatedMessage {
  channel: Channel;
  /** "the push “Your promo”": what the log line says was sent. */
  summary: string;
  /** The rendered fields by name (title, body, subject, html, text, template parameters...). */
  fields: Record<string, string>;
}

/**
 * Fills a send node's placeholders for one user, the way the engine renders at send time (HTML
 * values escaped in email bodies). Fields that are not text are left out.
 */
export function renderSimulatedMessage(channel: Channel, content: JourneyNode['data'], scope: TemplateScope): SimulatedMessage {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(content as Record<string, unknown>)) {
    if (typeof value === 'string') fields[name] = name === 'html' ? renderHtmlTemplate(value, scope) : renderTemplate(value, scope);
  }
  const template = (content as { template?: { name?: unknown; language?: unknown; bodyParameters?: unknown; headerParameters?: unknown } }).template;
  if (template !== undefined && typeof template.name === 'string') {
    fields.template = typeof template.language === 'string' ? `${template.name} (${template.language})` : template.name;
    renderList(template.headerParameters).forEach((value, index) => (fields[`header parameter ${index + 1}`] = renderTemplate(value, scope)));
    renderList(template.bodyParameters).forEach((value, index) => (fields[`body parameter ${index + 1}`] = renderTemplate(value, scope)));
  }
  return { channel, summary: summarize(channel, fields), fields };
}

function renderList(value: unknown): string[] {
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
