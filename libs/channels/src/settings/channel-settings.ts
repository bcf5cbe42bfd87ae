import { type Channel } from '@engine/journey';
import { type SmtpEmailConfig } from '../email/smtp-email-provider';
import { type OutboundPolicy } from '../net/outbound-policy';
import { type FcmConfig } from '../push/fcm-provider';
import { type WebPushConfig } from '../push/web-push-provider';
import { type HttpSmsConfig } from '../sms/http-sms-provider';
import { type WhatsAppCloudConfig } from '../whatsapp/whatsapp-cloud-provider';
import { type WebhookConfig } from '../webhook/webhook-provider';

/** Provider configs as a project stores them: the deployment's OutboundPolicy is never part of them. */
type Stored<T> = Omit<T, keyof OutboundPolicy | 'now'>;

export type WhatsAppCloudSettings = { provider: 'whatsapp-cloud' } & Stored<WhatsAppCloudConfig> & {
    /** The WhatsApp Business Account id: template status webhooks find the project by it. */
    businessAccountId?: string;
    /** The Meta app's secret: checks X-Hub-Signature-256 of inbound webhooks. Secret. */
    appSecret?: string;
    /** The token Meta echoes when subscribing the webhook (hub.verify_token). Secret. */
    webhookVerifyToken?: string;
  };
export type SmtpSettings = { provider: 'smtp' } & Stored<SmtpEmailConfig>;
export type WebPushSettings = { provider: 'webpush' } & Stored<WebPushConfig>;
export type FcmSettings = { provider: 'fcm' } & Stored<FcmConfig>;
/** Web Push and FCM together, each token to the one of its platform. */
export interface PushSettings {
  provider: 'push';
  webpush?: Stored<WebPushConfig>;
  fcm?: Stored<FcmConfig>;
}
export type HttpSmsSettings = { provider: 'http-sms' } & Stored<HttpSmsConfig>;
export type WebhookSettings = { provider: 'webhook' } & Stored<WebhookConfig>;

/** The provider settings of one channel of a project, as the API validates and the database keeps them (secrets sealed). */
export type ChannelSettings =
  | { provider: 'sandbox' }
  | WhatsAppCloudSettings
  | SmtpSettings
  | WebPushSettings
  | FcmSettings
  | PushSettings
  | HttpSmsSettings
  | WebhookSettings;

export type ChannelProviderKind = ChannelSettings['provider'];

/** Which channels each provider can serve (the API refuses, say, SMTP for the WhatsApp channel). */
export const PROVIDER_CHANNELS: Readonly<Record<ChannelProviderKind, readonly Channel[]>> = {
  sandbox: ['push', 'email', 'whatsapp', 'sms', 'webhook'],
  'whatsapp-cloud': ['whatsapp'],
  smtp: ['email'],
  webpush: ['push'],
  fcm: ['push'],
  push: ['push'],
  'http-sms': ['sms'],
  webhook: ['webhook'],
};

export const CHANNEL_PROVIDER_KINDS = Object.keys(PROVIDER_CHANNELS) as ChannelProviderKind[];
