import { type OutgoingMessage } from '@engine/channels';
import { type RegisteredWhatsAppTemplateComponent, whatsAppTemplatePlaceholders } from '@engine/journey';
import { type EntityManager } from 'typeorm';

interface TemplateRow {
  project_id: string;
  name: string;
  language: string;
  components: RegisteredWhatsAppTemplateComponent[];
}

/**
 * Meta wants the values of a template created with named parameters (`{{first_name}}`) sent with
 * their names, which only the project's template registry knows: looks up the registered templates
 * of these WhatsApp template messages (one query) and sets `templateParameterNames` on those with
 * named placeholders. Positional and unregistered templates are left as they are (sent positionally).
 */
export async function attachTemplateParameterNames(manager: EntityManager, messages: OutgoingMessage[]): Promise<void> {
  const sends = messages.flatMap((message) => {
    const reference = message.channel === 'whatsapp' ? templateReference(message.content) : undefined;
    return reference ? [{ message, ...reference }] : [];
  });
  if (sends.length === 0) return;
  const rows = await manager.query<TemplateRow[]>(
    `SELECT project_id, name, language, components FROM whatsapp_templates
      WHERE (project_id, name, language) IN (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]))`,
    [sends.map((send) => send.message.projectId), sends.map((send) => send.name), sends.map((send) => send.language)],
  );
  const registered = new Map(rows.map((row) => [templateKey(row.project_id, row.name, row.language), row.components]));
  for (const send of sends) {
    const components = registered.get(templateKey(send.message.projectId, send.name, send.language));
    if (!components) continue;
    const header = namedPlaceholders(components, 'HEADER');
    const body = namedPlaceholders(components, 'BODY');
    if (header.length > 0 || body.length > 0) send.message.templateParameterNames = { header, body };
  }
}

/** The placeholders of a HEADER or BODY when they are names; none for positional ones (`{{1}}`). */
function namedPlaceholders(components: readonly RegisteredWhatsAppTemplateComponent[], type: 'HEADER' | 'BODY'): string[] {
  const placeholders = whatsAppTemplatePlaceholders(components, type);
  return placeholders.every((placeholder) => /^\d+$/.test(placeholder)) ? [] : placeholders;
}

function templateReference(content: Record<string, unknown>): { name: string; language: string } | undefined {
  if (content['mode'] !== 'template') return undefined;
  const template = content['template'];
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return undefined;
  const { name, language } = template as Record<string, unknown>;
  if (typeof name !== 'string' || typeof language !== 'string' || name.trim() === '' || language.trim() === '') return undefined;
  return { name: name.trim(), language: language.trim() };
}

function templateKey(projectId: string, name: string, language: string): string {
  return `${projectId}\u0000${name}\u0000${language}`;
}
