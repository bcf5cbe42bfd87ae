/**
 * A problem message without its subject, for display next to the field it concerns:
 * `Node "Promo push" (Send push): title is required` -> `Title is required`.
 */
export function problemTextForField(message: string): string {
  const text = message.replace(/^Node "(?:[^"\\]|\\.)*"(?: \([^)]*\))?: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
