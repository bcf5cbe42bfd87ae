import { type JourneyProblem } from './problem';
import { nodeSubject } from './wording';
import { whatsAppLanguageCode } from '../format/whatsapp-language';

/**
 * A component of a registered template as the WhatsApp Cloud API describes it (`{ type: 'BODY',
 * text: 'Hi {{1}}' }`); its type, text and buttons matter here.
 */
export interface RegisteredWhatsAppTemplateComponent {
  type: string;
  text?: string;
  buttons?: ReadonlyArray<{ type?: unknown }>;
}

/** A template of the project's registry, with the outcome of Meta's review. */
export interface RegisteredWhatsAppTemplate {
  name: string;
  language: string;
  /** `approved`, `pending`, `rejected`, `paused`, `disabled`...: only approved templates can be sent. */
  status: string;
  /** Meta's reason for a rejection, pause or disable. */
  statusReason?: string | null;
  components: readonly RegisteredWhatsAppTemplateComponent[];
}

/** A template-mode `send.whatsapp` node of a graph, read defensively: drafts may be malformed. */
interface TemplateSend {
  nodeId: string;
  subject: string;
  name: string;
  language: string;
  headerParameters: number;
  bodyParameters: number;
  buttonPayloads: number;
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * Why a graph cannot be published as far as templates go: each template-mode WhatsApp send must
 * name an approved template of `registry`, with as many header and body parameters as the
 * template's text has placeholders (Meta refuses every other send). The API checks this before
 * publishing and the canvas while editing, so both say the same.
 */
export function whatsAppTemplateProblems(graph: unknown, registry: readonly RegisteredWhatsAppTemplate[]): JourneyProblem[] {
  const registered = new Map(registry.map((template) => [templateKey(template.name, template.language), template]));
  return templateSends(graph).flatMap((send): JourneyProblem[] => {
    const subject = `${send.subject}: template "${send.name}" (${send.language})`;
    const template = registered.get(templateKey(send.name, send.language));
    const refusal = (reason: string): JourneyProblem => ({
      severity: 'error',
      code: 'whatsapp-template-not-approved',
      nodeId: send.nodeId,
      field: 'data.template.name',
      message: `${subject} ${reason}`,
    });
    if (!template) return [refusal('is not registered; add it to the WhatsApp templates once Meta has approved it')];
    const status = template.status.toLowerCase();
    if (status === 'pending') return [refusal('is not approved yet (pending)')];
    if (status !== 'approved') return [refusal(`is not approved (${status}${template.statusReason ? `: ${template.statusReason}` : ''})`)];
    const problems: JourneyProblem[] = [];
    for (const part of ['header', 'body'] as const) {
      const expected = whatsAppTemplateParameterCount(template.components, part === 'header' ? 'HEADER' : 'BODY');
      const given = part === 'header' ? send.headerParameters : send.bodyParameters;
      if (expected !== given) {
        problems.push({
          severity: 'error',
          code: 'whatsapp-template-parameters',
          nodeId: send.nodeId,
          field: `data.template.${part}Parameters`,
          message: `${subject} has ${expected} ${part} ${expected === 1 ? 'parameter' : 'parameters'}, the node gives ${given}`,
        });
      }
    }
    // Payloads go to the template's quick-reply buttons in order: Meta refuses a payload with no button.
    const quickReplies = whatsAppTemplateQuickReplyCount(template.components);
    if (send.buttonPayloads > quickReplies) {
      problems.push({
        severity: 'error',
        code: 'whatsapp-template-buttons',
        nodeId: send.nodeId,
        field: 'data.template.buttonPayloads',
        message:
          quickReplies === 0
            ? `${subject} has no quick-reply buttons, the node gives ${send.buttonPayloads} button ${send.buttonPayloads === 1 ? 'payload' : 'payloads'}; remove them`
            : `${subject} has ${quickReplies} quick-reply ${quickReplies === 1 ? 'button' : 'buttons'}, the node gives ${send.buttonPayloads} button payloads`,
      });
    }
    return problems;
  });
}

/** How many quick-reply buttons a template has (the buttons a journey can give payloads to). */
export function whatsAppTemplateQuickReplyCount(components: readonly RegisteredWhatsAppTemplateComponent[]): number {
  const buttons = components.find((component) => typeof component.type === 'string' && component.type.toUpperCase() === 'BUTTONS')?.buttons ?? [];
  return buttons.filter((button) => typeof button.type === 'string' && button.type.toUpperCase() === 'QUICK_REPLY').length;
}

/** The distinct template names a graph's WhatsApp sends use: what to look up in the registry. */
export function whatsAppTemplateNames(graph: unknown): string[] {
  return [...new Set(templateSends(graph).map((send) => send.name))];
}

/**
 * The parameters a template's HEADER or BODY takes, one value each in a journey: `1`, `2`... for
 * positional ones (`{{1}}`, in number order), names for named ones (`{{first_name}}`, in order of
 * first appearance).
 */
export function whatsAppTemplatePlaceholders(components: readonly RegisteredWhatsAppTemplateComponent[], type: 'HEADER' | 'BODY'): string[] {
  const text = components.find((component) => typeof component.type === 'string' && component.type.toUpperCase() === type)?.text;
  if (typeof text !== 'string') return [];
  const placeholders = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
  return placeholders.every((placeholder) => /^\d+$/.test(placeholder)) ? placeholders.sort((a, b) => Number(a) - Number(b)) : placeholders;
}

export function whatsAppTemplateParameterCount(components: readonly RegisteredWhatsAppTemplateComponent[], type: 'HEADER' | 'BODY'): number {
  return whatsAppTemplatePlaceholders(components, type).length;
}

/** Sends without a template name or language are left to the validator, which already says so. */
function templateSends(graph: unknown): TemplateSend[] {
  const nodes = isObject(graph) && Array.isArray(graph['nodes']) ? (graph['nodes'] as unknown[]) : [];
  return nodes.flatMap((node): TemplateSend[] => {
    if (!isObject(node) || node['type'] !== 'send.whatsapp' || typeof node['id'] !== 'string') return [];
    const data = isObject(node['data']) ? node['data'] : {};
    const template = isObject(data['template']) ? data['template'] : undefined;
    if (data['mode'] !== 'template' || typeof template?.['name'] !== 'string' || typeof template['language'] !== 'string') return [];
    const name = template['name'].trim();
    const language = template['language'].trim();
    if (name === '' || language === '') return [];
    return [
      {
        nodeId: node['id'],
        subject: nodeSubject({ id: node['id'], type: 'send.whatsapp', label: node['label'] }),
        name,
        language,
        headerParameters: Array.isArray(template['headerParameters']) ? template['headerParameters'].length : 0,
        bodyParameters: Array.isArray(template['bodyParameters']) ? template['bodyParameters'].length : 0,
        buttonPayloads: Array.isArray(template['buttonPayloads']) ? template['buttonPayloads'].length : 0,
      },
    ];
  });
}

function templateKey(name: string, language: string): string {
  return `${name}\u0000${whatsAppLanguageCode(language)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
