import { type ChannelProviderKind } from './channel-settings';

/**
 * The settings fields that are credentials, as dotted paths: encrypted at rest, masked when
 * shown, never logged.
 */
export const SECRET_FIELDS: Readonly<Record<ChannelProviderKind, readonly string[]>> = {
  sandbox: [],
  'whatsapp-cloud': ['accessToken', 'appSecret', 'webhookVerifyToken'],
  // URLs: sealed whole; their user info and credential query values are masked (maskUrlCredentials).
  smtp: ['smtpUrl'],
  webpush: ['vapidPrivateKey'],
  fcm: ['serviceAccount.private_key'],
  push: ['webpush.vapidPrivateKey', 'fcm.serviceAccount.private_key'],
  'http-sms': ['url', 'authHeader'],
  webhook: ['signingSecret'],
};

/** Secret fields holding a URL: shown with only their credential parts masked, edited part by part. */
const SECRET_URL_FIELDS: ReadonlySet<string> = new Set(['smtpUrl', 'url']);

export function isSecretUrlField(path: string): boolean {
  return SECRET_URL_FIELDS.has(path);
}
