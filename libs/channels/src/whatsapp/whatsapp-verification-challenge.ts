import { createHash, timingSafeEqual } from 'node:crypto';
import { isRecord } from '../json/json-record';

/**
 * Meta's subscription check: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` must be
 * answered with the challenge, as plain text, when the token is ours. Reads flat query keys
 * (`hub.mode`) as well as parsers that nest them (`hub: { mode }`).
 */
export function whatsAppVerificationChallenge(query: unknown, verifyToken: string): { ok: true; challenge: string } | { ok: false } {
  if (!isRecord(query) || typeof verifyToken !== 'string' || verifyToken === '') return { ok: false };
  const nested = isRecord(query.hub) ? query.hub : {};
  const mode = single(query['hub.mode'] ?? nested.mode);
  const token = single(query['hub.verify_token'] ?? nested.verify_token);
  const challenge = single(query['hub.challenge'] ?? nested.challenge);
  if (mode !== 'subscribe' || token === undefined || challenge === undefined || challenge === '') return { ok: false };
  return sameText(token, verifyToken) ? { ok: true, challenge } : { ok: false };
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// Hashing first gives equal lengths, so the comparison time says nothing about the token.
function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
