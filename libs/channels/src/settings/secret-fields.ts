import { type ChannelProviderKind } from './channel-settings';

/**
 * The settings fields that are credentials, as dotted paths: encrypted at rest, masked when
 * shown, never logged.
 */
export const SECRET_FIELDS: Readonly<Record<ChannelProviderKind, readonly string[]>> = {
  sandbox: [],
  'whatsapp-cloud': ['accessToken', 'appSecret', 'webhookVerifyToken'],
  // The URL carries the SMTP password.
  smtp: ['smtpUrl'],
  webpush: ['vapidPrivateKey'],
  fcm: ['serviceAccount.private_key'],
  push: ['webpush.vapidPrivateKey', 'fcm.serviceAccount.private_key'],
  'http-sms': ['authHeader'],
  webhook: ['signingSecret'],
};
