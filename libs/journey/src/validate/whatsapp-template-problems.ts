import { type JourneyProblem } from './problem';
import { nodeSubject } from './wording';
import { whatsAppLanguageCode } from '../format/whatsapp-language';
import { WHATSAPP_HEADER_MEDIA_TYPES, type WhatsAppHeaderMediaType } from '../format/journey-graph';

/**
 * A component of a registered template as the WhatsApp Cloud API describes it (`{ type: 'BODY',
 * text: 'Hi {{1}}' }`); its type, text and buttons matter here.
 */
export interface RegisteredWhatsAppTemplateComponent {
  type: string;
  /** A HEADER's kind: `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT` or `LOCATION`. */
  format?: string;
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
  headerMedia: Record<string, unknown> | undefined;
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
    problems.push(...headerMediaProblems(send, subject, whatsAppTemplateHeaderMediaType(template.components)));
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

/** The media a template's header takes (image, video, document), or undefined for a text header or none. */
export function whatsAppTemplateHeaderMediaType(components: readonly RegisteredWhatsAppTemplateComponent[]): WhatsAppHeaderMediaType | undefined {
  const format = components.find((component) => typeof component.type === 'string' && component.type.toUpperCase() === 'HEADER')?.format;
  const type = typeof format === 'string' ? format.toLowerCase() : undefined;
  return WHATSAPP_HEADER_MEDIA_TYPES.find((candidate) => candidate === type);
}

/** A media header must be given exactly as the template declares it: the right kind, by a link or a media id. */
function headerMediaProblems(send: TemplateSend, subject: string, expected: WhatsAppHeaderMediaType | undefined): JourneyProblem[] {
  const problem = (message: string, field = 'data.template.headerMedia'): JourneyProblem[] => [{ severity: 'error', code: 'whatsapp-template-header-media', nodeId: send.nodeId, field, message: `${subject} ${message}` }];
  const media = send.headerMedia;
  if (media === undefined) return expected === undefined ? [] : problem(`has ${article(expected)} ${expected} header: give the ${expected}'s link or media id`);
  const given = typeof media['type'] === 'string' ? media['type'] : 'media';
  if (expected === undefined) return problem(`has no image, video or document header; remove the header ${given}`);
  if (given !== expected) return problem(`has ${article(expected)} ${expected} header, the node gives ${article(given)} ${given}`, 'data.template.headerMedia.type');
  const link = typeof media['link'] === 'string' ? media['link'].trim() : '';
  const id = typeof media['id'] === 'string' ? media['id'].trim() : '';
  if ((link === '') === (id === '')) return problem(`needs the ${expected}'s link or its media id (one of them)`, 'data.template.headerMedia.link');
  if (link !== '' && !link.includes('{{') && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(link)) {
    return problem(`header ${expected} link "${link}" is not a public http(s) address Meta can fetch`, 'data.template.headerMedia.link');
  }
  return [];
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
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
        headerMedia: isObject(template['headerMedia']) ? template['headerMedia'] : undefined,
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
