import { type Channel } from '../format/node-types';
import { renderHtmlTemplate, renderTemplate, type TemplateScope } from './render-template';

/**
 * Fills the placeholders of a send node's content for one user. Every string is rendered; email
 * HTML escapes the substituted values so user data cannot inject markup. The engine renders with
 * it at send time, and the simulator with it too, so a simulated message is the one that would go out.
 */
export function renderMessage(channel: Channel, content: object, scope: TemplateScope): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(content)) {
    rendered[field] = channel === 'email' && field === 'html' && typeof value === 'string' ? renderHtmlTemplate(value, scope) : renderValue(value, scope);
  }
  return rendered;
}

function renderValue(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') return value.includes('{{') ? renderTemplate(value, scope) : value;
  if (Array.isArray(value)) return value.map((item) => renderValue(item, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, scope)]));
  }
  return value;
}
