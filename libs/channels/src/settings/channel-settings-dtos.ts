import { type ChannelProviderKind } from './channel-settings';
import { FcmSettingsDto } from './dto/fcm-settings.dto';
import { HttpSmsSettingsDto } from './dto/http-sms-settings.dto';
import { PushSettingsDto } from './dto/push-settings.dto';
import { SandboxSettingsDto } from './dto/sandbox-settings.dto';
import { SmtpSettingsDto } from './dto/smtp-settings.dto';
import { WebPushSettingsDto } from './dto/web-push-settings.dto';
import { WebhookSettingsDto } from './dto/webhook-settings.dto';
import { WhatsAppCloudSettingsDto } from './dto/whatsapp-cloud-settings.dto';

/** The class-validator DTO of each provider's settings, for the API to validate what users send. */
export const CHANNEL_SETTINGS_DTOS: Readonly<Record<ChannelProviderKind, new () => object>> = {
  sandbox: SandboxSettingsDto,
  'whatsapp-cloud': WhatsAppCloudSettingsDto,
  smtp: SmtpSettingsDto,
  webpush: WebPushSettingsDto,
  fcm: FcmSettingsDto,
  push: PushSettingsDto,
  'http-sms': HttpSmsSettingsDto,
  webhook: WebhookSettingsDto,
};
