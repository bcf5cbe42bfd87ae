/**
 * A Message-ID header made from the idempotency key, so a message in any mailbox or bounce can
 * be traced back to its journey step. Characters that may not appear in a Message-ID's left part
 * (and dots, which may not repeat or lead) are written as `=XX`, which keeps it reversible.
 */
export function emailMessageId(idempotencyKey: string, fromAddress: string): string {
  const local = Array.from(idempotencyKey, (char) => (/^[A-Za-z0-9_+-]$/.test(char) ? char : encodeChar(char))).join('');
  const domain = /@([A-Za-z0-9.-]+)$/.exec(fromAddress.trim())?.[1] ?? 'journey-engine.invalid';
  return `<${local}@${domain}>`;
}

function encodeChar(char: string): string {
  return Array.from(Buffer.from(char, 'utf8'), (byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
