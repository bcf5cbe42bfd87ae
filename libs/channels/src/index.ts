export * from './channel-provider';
export * from './sandbox-provider';

export * from './net/outbound-policy';
export * from './net/blocked-address';
export * from './net/outbound-request-error';
export * from './net/outbound-url';
export * from './net/outbound-request';

export * from './whatsapp/whatsapp-cloud-provider';
export * from './whatsapp/whatsapp-request-body';
export * from './whatsapp/whatsapp-error-codes';
export * from './whatsapp/whatsapp-send-error';
export * from './whatsapp/whatsapp-phone-number';
export * from './whatsapp/whatsapp-signature';
export * from './whatsapp/whatsapp-verification-challenge';
export * from './whatsapp/whatsapp-webhook-types';
export * from './whatsapp/parse-whatsapp-webhook';
export * from './whatsapp/whatsapp-events';

export * from './email/smtp-email-provider';
export * from './email/email-tracking';
export * from './email/html-to-text';
export * from './email/list-unsubscribe-headers';
export * from './email/email-message-id';
export * from './email/email-content';

export * from './tracking/tracking-token';
export * from './tracking/message-tracking';

export * from './push/push-content';
export * from './push/push-token-outcome';
export * from './push/web-push-provider';
export * from './push/web-push-payload';
export * from './push/fcm-provider';
export * from './push/fcm-message';
export * from './push/google-access-token';
export * from './push/combined-push-provider';

export * from './sms/http-sms-provider';

export * from './webhook/webhook-provider';
export * from './webhook/webhook-request';
export * from './webhook/webhook-signature';

export * from './crypto/secret-encryption';
export * from './crypto/derive-key';
export * from './crypto/mask-secret';
export * from './crypto/url-credentials';

export * from './settings/channel-settings';
export * from './settings/secret-fields';
export * from './settings/seal-channel-settings';
export * from './settings/create-channel-provider';
export * from './settings/channel-settings-dtos';
export * from './settings/validate-channel-settings';
export * from './settings/dto/sandbox-settings.dto';
export * from './settings/dto/whatsapp-cloud-settings.dto';
export * from './settings/dto/smtp-settings.dto';
export * from './settings/dto/web-push-config.dto';
export * from './settings/dto/web-push-settings.dto';
export * from './settings/dto/google-service-account.dto';
export * from './settings/dto/fcm-config.dto';
export * from './settings/dto/fcm-settings.dto';
export * from './settings/dto/push-settings.dto';
export * from './settings/dto/http-sms-settings.dto';
export * from './settings/dto/webhook-settings.dto';
