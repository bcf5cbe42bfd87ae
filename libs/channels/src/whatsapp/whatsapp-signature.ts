import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: an HMAC-SHA256 of the raw request
 * body (the bytes as received, before any JSON parsing) keyed with the app secret. False for
 * a missing or malformed header or an empty secret, never throws.
 */
export function verifyWhatsAppSignature(rawBody: Buffer, signatureHeader: string | undefined, appSecret: string): boolean {
  if (typeof signatureHeader !== 'string' || typeof appSecret !== 'string' || appSecret === '' || !Buffer.isBuffer(rawBody)) return false;
  const match = SIGNATURE_HEADER.exec(signatureHeader.trim());
  if (!match) return false;
  const received = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both are 32 bytes here (the pattern fixes the length), as timingSafeEqual requires.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The header value Meta would send for `rawBody` (for tests and local webhook replays). */
export function signWhatsAppPayload(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
