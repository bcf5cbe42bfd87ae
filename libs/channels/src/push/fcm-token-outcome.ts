import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { isRecord, parseJson } from '../json/json-record';
import { retryAfterMs } from '../net/retry-after';
import { bodyExcerpt, isRetryableHttpStatus } from '../net/send-error-for-outbound';
import { type PushTokenOutcome } from './push-token-outcome';

const RETRYABLE_CODES = new Set(['QUOTA_EXCEEDED', 'UNAVAILABLE', 'INTERNAL']);

/**
 * One FCM answer (`{ name }`, or `{ error: { code, status, message, details: [{ '@type': '…FcmError', errorCode }] } }`)
 * as a token outcome. UNREGISTERED or 404: the app was uninstalled or the token rotated, it is
 * dead. SENDER_ID_MISMATCH is not: a service account of the wrong Firebase project would
 * otherwise wipe every token of every user. QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL, 429 and 5xx
 * may pass; the rest (INVALID_ARGUMENT, THIRD_PARTY_AUTH_ERROR…) will not.
 */
export function fcmTokenOutcome(token: string, status: number, body: string, headers: IncomingHttpHeaders): PushTokenOutcome {
  const parsed = parseJson(body);
  if (status >= 200 && status < 300) {
    const name = isRecord(parsed) && typeof parsed.name === 'string' ? parsed.name : undefined;
    return { token, kind: 'sent', providerMessageId: name ?? `fcm-${randomUUID()}` };
  }
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
  const details = Array.isArray(error.details) ? error.details.filter(isRecord) : [];
  const fcmCode = details.map((detail) => detail.errorCode).find((code): code is string => typeof code === 'string');
  const statusName = typeof error.status === 'string' ? error.status : undefined;
  const code = fcmCode ?? statusName ?? `HTTP ${status}`;
  const said = typeof error.message === 'string' ? error.message : bodyExcerpt(body, 200);
  const reason = `FCM ${code}${said ? `: ${said}` : ''}`;

  if (fcmCode === 'UNREGISTERED' || statusName === 'NOT_FOUND' || status === 404) return { token, kind: 'dead', reason };
  if (RETRYABLE_CODES.has(code) || isRetryableHttpStatus(status)) {
    return { token, kind: 'failed', retryable: true, reason, retryAfterMs: retryAfterMs(headers['retry-after']) };
  }
  return { token, kind: 'failed', retryable: false, reason };
}
