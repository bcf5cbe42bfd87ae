import { type WhatsAppTemplate } from '../api/whatsapp-templates-api';

/** The text of a template component (`BODY`, `HEADER`), if it has one. */
export function componentText(template: WhatsAppTemplate | undefined, type: 'BODY' | 'HEADER'): string | undefined {
  return template?.components.find((component) => component.type.toUpperCase() === type)?.text;
}

/** The quick-reply button texts of a template, in order. */
export function quickReplyButtons(template: WhatsAppTemplate | undefined): string[] {
  const buttons = template?.components.find((component) => component.type.toUpperCase() === 'BUTTONS')?.buttons ?? [];
  return buttons.filter((button) => button.type.toUpperCase() === 'QUICK_REPLY').map((button) => button.text ?? '');
}

/** A template text with `{{n}}` replaced by the n-th parameter (already rendered). */
export function fillTemplateText(text: string, parameters: readonly string[]): string {
  return text.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, index: string) => parameters[Number(index) - 1] ?? whole);
}
