import { type PushSubscription } from 'web-push';
import { isRecord, parseJson } from '../json/json-record';

/**
 * A `web` push token: the browser's PushSubscription as JSON. The reason it is unusable when it
 * is not one (no endpoint, keys of the wrong size): such a token can never work.
 */
export function readWebPushSubscription(token: string): PushSubscription | string {
  const parsed = parseJson(token);
  if (!isRecord(parsed)) return 'the token is not a push subscription (JSON expected)';
  const { endpoint, keys } = parsed;
  if (typeof endpoint !== 'string' || !/^https?:\/\//i.test(endpoint)) return 'the subscription has no http(s) endpoint';
  if (!isRecord(keys) || typeof keys.p256dh !== 'string' || typeof keys.auth !== 'string') return 'the subscription has no p256dh/auth keys';
  if (Buffer.from(keys.p256dh, 'base64url').length !== 65) return 'the subscription key p256dh is not a P-256 public key';
  if (Buffer.from(keys.auth, 'base64url').length < 16) return 'the subscription auth secret is too short';
  return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}
