// The subject the validator starts node problems with, written for API users (with ids).
const NODE_SUBJECT = /^Node "(?:[^"\\]|\\.)*"(?: \([^)]*\))?: /;

/** A node problem's message without its subject, or undefined when it has none. */
export function withoutNodeSubject(message: string): string | undefined {
  const match = NODE_SUBJECT.exec(message);
  return match === null ? undefined : message.slice(match[0].length);
}

/**
 * A problem message without its subject, for display next to the field it concerns:
 * `Node "Promo push" (Send push): title is required` -> `Title is required`.
 */
export function problemTextForField(message: string): string {
  const text = withoutNodeSubject(message) ?? message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
