/** A component of a WhatsApp template as Meta describes it (other fields, such as `example`, pass through). */
export interface WhatsAppTemplateComponent {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
  format?: string;
  text?: string;
  buttons?: Array<{ type: string; text?: string; url?: string; phone_number?: string; [field: string]: unknown }>;
  [field: string]: unknown;
}

const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const;
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'CATALOG', 'MPM', 'VOICE_CALL'];
/** Buttons that show their own label. */
const LABELLED_BUTTONS = new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'FLOW', 'VOICE_CALL']);
// Meta's limits for template creation.
const MAX_BODY_LENGTH = 1024;
const MAX_HEADER_OR_FOOTER_LENGTH = 60;
const MAX_BUTTON_TEXT_LENGTH = 25;
const MAX_BUTTONS = 10;

/**
 * What is wrong with a template's component list, each naming the field (`components[1].text ...`):
 * one BODY; at most one HEADER, FOOTER and BUTTONS; texts within Meta's limits; buttons with the
 * fields their type needs. Empty when the shape is fine.
 */
export function whatsAppTemplateComponentProblems(components: unknown): string[] {
  if (!Array.isArray(components)) return ['components must be a list of HEADER, BODY, FOOTER and BUTTONS components'];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  components.forEach((component: unknown, index) => {
    const at = `components[${index}]`;
    if (!isObject(component)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const type = upper(component['type']);
    if (!(COMPONENT_TYPES as readonly string[]).includes(type ?? '')) {
      problems.push(`${at}.type must be HEADER, BODY, FOOTER or BUTTONS`);
      return;
    }
    seen.set(type!, (seen.get(type!) ?? 0) + 1);
    if (type === 'BODY') problems.push(...textProblems(component['text'], `${at}.text`, MAX_BODY_LENGTH));
    if (type === 'FOOTER') problems.push(...textProblems(component['text'], `${at}.text`, MAX_HEADER_OR_FOOTER_LENGTH));
    if (type === 'HEADER') {
      const format = upper(component['format']) ?? 'TEXT';
      if (!HEADER_FORMATS.includes(format)) problems.push(`${at}.format must be one of ${HEADER_FORMATS.join(', ')}`);
      else if (format === 'TEXT') problems.push(...textProblems(component['text'], `${at}.text`, MAX_HEADER_OR_FOOTER_LENGTH));
    }
    if (type === 'BUTTONS') problems.push(...buttonProblems(component['buttons'], `${at}.buttons`));
  });
  for (const [type, count] of seen) if (count > 1) problems.push(`components has ${count} ${type} components; a template has at most one of each type`);
  if (problems.length === 0 && !seen.has('BODY')) problems.push('components must include a BODY component with the message text');
  return problems;
}

/** The components with their types in Meta's upper case (`body` -> `BODY`), as the registry stores them. */
export function normalizeWhatsAppTemplateComponents(components: Array<Record<string, unknown>>): WhatsAppTemplateComponent[] {
  return components.map((component) => {
    const normalized: Record<string, unknown> = { ...component, type: upper(component['type']) };
    if (typeof component['format'] === 'string') normalized['format'] = upper(component['format']);
    if (Array.isArray(component['buttons'])) {
      normalized['buttons'] = component['buttons'].map((button: unknown) => (isObject(button) ? { ...button, type: upper(button['type']) } : button));
    }
    return normalized as WhatsAppTemplateComponent;
  });
}

function buttonProblems(buttons: unknown, at: string): string[] {
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > MAX_BUTTONS) return [`${at} must be a list of 1 to ${MAX_BUTTONS} buttons`];
  return buttons.flatMap((button: unknown, index) => {
    const where = `${at}[${index}]`;
    if (!isObject(button)) return [`${where} must be an object`];
    const type = upper(button['type']);
    if (!type || !BUTTON_TYPES.includes(type)) return [`${where}.type must be one of ${BUTTON_TYPES.join(', ')}`];
    const problems = LABELLED_BUTTONS.has(type) ? textProblems(button['text'], `${where}.text`, MAX_BUTTON_TEXT_LENGTH) : [];
    if (type === 'URL' && !isHttpUrl(button['url'])) problems.push(`${where}.url must be an http(s) URL`);
    if (type === 'PHONE_NUMBER' && (typeof button['phone_number'] !== 'string' || !/^\+?[1-9]\d{5,14}$/.test(button['phone_number']))) {
      problems.push(`${where}.phone_number must be a phone number such as +4915112345678`);
    }
    return problems;
  });
}

function textProblems(value: unknown, at: string, maxLength: number): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [`${at} must be a non-empty text`];
  return value.length > maxLength ? [`${at} must be at most ${maxLength} characters (it has ${value.length})`] : [];
}

function upper(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toUpperCase() : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
