import { FinalSendError, type TemplateParameterNames } from '../channel-provider';
import { isRecord } from '../json/json-record';
import { whatsAppRecipientDigits } from './whatsapp-phone-number';

interface TextParameter {
  type: 'text';
  /** Only for templates created with named parameters (`{{first_name}}`). */
  parameter_name?: string;
  text: string;
}

/** A header image, video or document: a public link or the id of media uploaded to Meta. */
interface MediaObject {
  link?: string;
  id?: string;
  /** Documents only. */
  filename?: string;
}

type MediaParameter = { type: 'image'; image: MediaObject } | { type: 'video'; video: MediaObject } | { type: 'document'; document: MediaObject };

export type WhatsAppTemplateComponent =
  | { type: 'header' | 'body'; parameters: TextParameter[] }
  | { type: 'header'; parameters: [MediaParameter] }
  | { type: 'button'; sub_type: 'quick_reply'; index: string; parameters: Array<{ type: 'payload'; payload: string }> };

interface WhatsAppRequestBase {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  /**
   * Our message id. Meta echoes it in the message's status webhooks, so a status settles a message
   * whose send was cut off before Meta's own id was stored.
   */
  biz_opaque_callback_data?: string;
}

export interface WhatsAppTemplateRequestBody extends WhatsAppRequestBase {
  type: 'template';
  template: { name: string; language: { code: string }; components?: WhatsAppTemplateComponent[] };
}

export interface WhatsAppTextRequestBody extends WhatsAppRequestBase {
  type: 'text';
  text: { body: string; preview_url: false };
}

/** The JSON body of `POST /{version}/{phone-number-id}/messages`. */
export type WhatsAppRequestBody = WhatsAppTemplateRequestBody | WhatsAppTextRequestBody;

/** Cloud API limit of a text message body. */
const MAX_TEXT_LENGTH = 4096;

/**
 * The Cloud API request for a rendered `send.whatsapp` node (SendWhatsAppData) and the user's
 * phone number. `parameterNames` (from the registered template) names each header/body value for
 * templates with named placeholders; without them the values are positional. Throws
 * FinalSendError for content Meta would refuse anyway (missing template name, empty parameter,
 * text too long, no phone number), with a message saying what to fix.
 */
export function buildWhatsAppRequestBody(content: Record<string, unknown>, to: string, parameterNames?: TemplateParameterNames): WhatsAppRequestBody {
  const digits = whatsAppRecipientDigits(to);
  if (!digits) throw new FinalSendError(`"${to}" is not a phone number WhatsApp can reach (E.164 expected, e.g. +4915123456789)`);
  const base: WhatsAppRequestBase = { messaging_product: 'whatsapp', recipient_type: 'individual', to: digits };

  if (content.mode === 'text') {
    const text = content.text;
    if (typeof text !== 'string' || text.trim() === '') throw new FinalSendError('The WhatsApp text message is empty');
    if (text.length > MAX_TEXT_LENGTH) throw new FinalSendError(`The WhatsApp text message has ${text.length} characters; at most ${MAX_TEXT_LENGTH} are allowed`);
    return { ...base, type: 'text', text: { body: text, preview_url: false } };
  }
  if (content.mode !== 'template') throw new FinalSendError(`Unknown WhatsApp send mode ${JSON.stringify(content.mode)} (template or text expected)`);

  const template = isRecord(content.template) ? content.template : undefined;
  const name = template?.name;
  const language = template?.language;
  if (typeof name !== 'string' || name.trim() === '') throw new FinalSendError('The WhatsApp template has no name');
  if (typeof language !== 'string' || language.trim() === '') throw new FinalSendError(`The WhatsApp template "${name}" has no language code`);

  const components: WhatsAppTemplateComponent[] = [];
  const media = headerMedia(template?.headerMedia);
  const header = textParameters(template?.headerParameters, 'header', parameterNames?.header);
  if (media) components.push({ type: 'header', parameters: [media] });
  else if (header.length > 0) components.push({ type: 'header', parameters: header });
  const body = textParameters(template?.bodyParameters, 'body', parameterNames?.body);
  if (body.length > 0) components.push({ type: 'body', parameters: body });
  strings(template?.buttonPayloads, 'button payload').forEach((payload, index) => {
    components.push({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] });
  });

  return {
    ...base,
    type: 'template',
    template: { name: name.trim(), language: { code: language.trim() }, ...(components.length > 0 ? { components } : {}) },
  };
}

// Meta refuses template parameters with newlines, tabs or more than four spaces in a row (132018)
// and empty ones (131008); user data rendered into them may have either. Named templates need
// `parameter_name` on every value (Meta refuses them otherwise), so the counts must match.
function textParameters(value: unknown, component: 'header' | 'body', names: readonly string[] = []): TextParameter[] {
  const values = strings(value, `${component} parameter`);
  if (names.length > 0 && names.length !== values.length) {
    throw new FinalSendError(
      `The WhatsApp template's ${component} has the named parameters ${names.map((name) => `{{${name}}}`).join(', ')}, the node gives ${values.length} ${values.length === 1 ? 'value' : 'values'}`,
    );
  }
  return values.map((raw, index) => {
    const text = raw.replace(/[\r\n\t]+/g, ' ').replace(/ {5,}/g, '    ').trim();
    const name = names[index];
    if (text === '') {
      throw new FinalSendError(`WhatsApp template ${component} parameter {{${name ?? index + 1}}} is empty after rendering; give its placeholder a default`);
    }
    return name === undefined ? { type: 'text', text } : { type: 'text', parameter_name: name, text };
  });
}

/** The header media of a template node (rendered), as Meta takes it; undefined when there is none. */
function headerMedia(value: unknown): MediaParameter | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new FinalSendError('The WhatsApp template header media must be an object with a type and a link or an id');
  const link = typeof value.link === 'string' ? value.link.trim() : '';
  const id = typeof value.id === 'string' ? value.id.trim() : '';
  if ((link === '') === (id === '')) throw new FinalSendError('The WhatsApp template header media needs a link or a media id (one of them)');
  const object: MediaObject = link !== '' ? { link } : { id };
  switch (value.type) {
    case 'image':
      return { type: 'image', image: object };
    case 'video':
      return { type: 'video', video: object };
    case 'document': {
      const filename = typeof value.filename === 'string' ? value.filename.trim() : '';
      return { type: 'document', document: filename === '' ? object : { ...object, filename } };
    }
    default:
      throw new FinalSendError(`WhatsApp template header media of type ${JSON.stringify(value.type)}: image, video or document expected`);
  }
}

function strings(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FinalSendError(`WhatsApp template ${what}s must be a list`);
  return value.map((item, index) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    throw new FinalSendError(`WhatsApp template ${what} ${index + 1} is not text`);
  });
}
