import { type UserFacts } from '../condition/condition';
import { resolveField, splitFieldPath } from '../condition/resolve-field';

/** What placeholders can read. */
export interface TemplateScope {
  tags: Record<string, unknown>;
  event: Record<string, unknown>;
  user: Partial<UserFacts>;
}

// `{{ path }}` or `{{ path | default }}`; the path has no braces or bars, the default no braces.
// Spaces are trimmed in code: `\s*` around a lazy group would backtrack quadratically.
const PLACEHOLDER = /\{\{([^{}|]*)(?:\|([^{}]*))?\}\}/g;

/**
 * Fill `{{tags.first_name}}`, `{{event.text}}` and `{{user.email}}` placeholders. After a `|`
 * comes a default used when the value is missing, null or an empty string:
 * `{{ tags.first_name | there }}`. Objects and arrays render as JSON, a missing value without a
 * default as nothing. Placeholders with an unknown root are left as written. Never throws.
 */
export function renderTemplate(text: string, scope: TemplateScope): string {
  return substitute(text, scope, (value) => value);
}

/** Like renderTemplate for email HTML: substituted values are HTML-escaped, the template is not. */
export function renderHtmlTemplate(text: string, scope: TemplateScope): string {
  return substitute(text, scope, escapeHtml);
}

/** The paths of every placeholder in `text`, each once, in order (`["tags.first_name", "event.text"]`). */
export function listPlaceholders(text: string): string[] {
  if (typeof text !== 'string') return [];
  const paths = [...text.matchAll(PLACEHOLDER)].map((match) => match[1].trim()).filter((path) => path !== '');
  return [...new Set(paths)];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function substitute(text: string, scope: TemplateScope, encode: (value: string) => string): string {
  if (typeof text !== 'string') return '';
  const safeScope = {
    tags: isRecord(scope?.tags) ? scope.tags : undefined,
    event: isRecord(scope?.event) ? scope.event : undefined,
    user: isRecord(scope?.user) ? scope.user : undefined,
  };
  return text.replace(PLACEHOLDER, (placeholder, rawPath: string, fallback: string | undefined) => {
    const path = rawPath.trim();
    if (splitFieldPath(path) === undefined) return placeholder;
    const rendered = renderValue(resolveField(path, safeScope));
    if (rendered !== '') return encode(rendered);
    return fallback === undefined ? '' : encode(fallback.trim());
  });
}

function renderValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
