import { createHmac, timingSafeEqual } from 'node:crypto';

export type TrackingKind = 'open' | 'click' | 'unsubscribe';

/** What a tracking link stands for. Only `click` carries a URL: the one it redirects to. */
export interface TrackingPayload {
  kind: TrackingKind;
  messageId: string;
  url?: string;
}

const KIND_CODES: Record<TrackingKind, string> = { open: 'o', click: 'c', unsubscribe: 'u' };
const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as TrackingKind]));
// Bound to this use, so an HMAC made with the same secret for something else never verifies here.
const DOMAIN = 'journey-engine/tracking/v1:';
const MAC_BYTES = 16;
const MAX_TOKEN_LENGTH = 8192;

/**
 * A compact, URL-safe token `<base64url payload>.<base64url HMAC-SHA256, 16 bytes>`. The click
 * endpoint redirects only to the URL inside a token that verifies, so it is no open redirect:
 * changing the URL, the kind or the message id breaks the MAC.
 */
export function signTrackingToken(payload: TrackingPayload, secret: string | Buffer): string {
  if (secretIsEmpty(secret)) throw new Error('The tracking secret is empty');
  if (!KIND_CODES[payload.kind]) throw new Error(`Unknown tracking kind ${String(payload.kind)}`);
  if (typeof payload.messageId !== 'string' || payload.messageId === '') throw new Error('A tracking token needs a message id');
  if (payload.kind === 'click' && !isHttpUrl(payload.url)) throw new Error('A click token needs an http(s) URL');
  const fields = payload.kind === 'click' ? [KIND_CODES.click, payload.messageId, payload.url] : [KIND_CODES[payload.kind], payload.messageId];
  const body = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${body}.${mac(body, secret).toString('base64url')}`;
}

/** The payload of a token made with `secret`; undefined for anything forged, altered or malformed. Never throws. */
export function verifyTrackingToken(token: unknown, secret: string | Buffer): TrackingPayload | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || secretIsEmpty(secret)) return undefined;
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]{22}$/.test(parts[1])) return undefined;
  const [body, signature] = parts as [string, string];
  const received = Buffer.from(signature, 'base64url');
  const expected = mac(body, secret);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return undefined;

  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || typeof fields[0] !== 'string' || typeof fields[1] !== 'string' || fields[1] === '') return undefined;
  const kind = KINDS_BY_CODE.get(fields[0]);
  if (!kind) return undefined;
  if (kind !== 'click') return fields.length === 2 ? { kind, messageId: fields[1] } : undefined;
  const url: unknown = fields[2];
  return fields.length === 3 && isHttpUrl(url) ? { kind, messageId: fields[1], url } : undefined;
}

function mac(body: string, secret: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(DOMAIN).update(body).digest().subarray(0, MAC_BYTES);
}

function secretIsEmpty(secret: string | Buffer): boolean {
  return (typeof secret !== 'string' && !Buffer.isBuffer(secret)) || secret.length === 0;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
