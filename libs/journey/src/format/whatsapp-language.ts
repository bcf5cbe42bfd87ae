/**
 * A WhatsApp template language as Meta creates templates: `en_US`. Meta's own webhook examples
 * (and people) also write `en-US`; both spellings name the same language.
 */
export function whatsAppLanguageCode(language: string): string {
  return language.replace('-', '_');
}
