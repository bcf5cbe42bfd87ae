import { type ChannelProvider } from '../channel-provider';
import { SmtpEmailProvider } from '../email/smtp-email-provider';
import { type OutboundPolicy } from '../net/outbound-policy';
import { CombinedPushProvider } from '../push/combined-push-provider';
import { FcmProvider } from '../push/fcm-provider';
import { type PushTokenSender } from '../push/push-token-outcome';
import { WebPushProvider } from '../push/web-push-provider';
import { SandboxProvider } from '../sandbox-provider';
import { HttpSmsProvider } from '../sms/http-sms-provider';
import { WhatsAppCloudProvider } from '../whatsapp/whatsapp-cloud-provider';
import { WebhookProvider } from '../webhook/webhook-provider';
import { type ChannelSettings } from './channel-settings';

/**
 * The provider for a channel's (decrypted, validated) settings. `policy` is the deployment's:
 * whether calls may reach private networks and which extra CAs to trust; it is never read from
 * the settings, so a project cannot lift the SSRF guard for itself.
 */
export function createChannelProvider(settings: ChannelSettings, policy: OutboundPolicy = {}): ChannelProvider {
  const outbound: OutboundPolicy = { allowPrivateNetworks: policy.allowPrivateNetworks === true, extraCaCerts: policy.extraCaCerts };
  switch (settings.provider) {
    case 'sandbox':
      return new SandboxProvider();
    case 'whatsapp-cloud': {
      const { provider: _provider, businessAccountId: _businessAccountId, appSecret: _appSecret, webhookVerifyToken: _verifyToken, ...config } = settings;
      return new WhatsAppCloudProvider({ ...config, ...outbound });
    }
    case 'smtp': {
      const { provider: _provider, ...config } = settings;
      return new SmtpEmailProvider({ ...config, ...outbound });
    }
    case 'webpush': {
      const { provider: _provider, ...config } = settings;
      return new WebPushProvider({ ...config, ...outbound });
    }
    case 'fcm': {
      const { provider: _provider, ...config } = settings;
      return new FcmProvider({ ...config, ...outbound });
    }
    case 'push': {
      const senders: PushTokenSender[] = [];
      if (settings.webpush) senders.push(new WebPushProvider({ ...settings.webpush, ...outbound }));
      if (settings.fcm) senders.push(new FcmProvider({ ...settings.fcm, ...outbound }));
      if (senders.length === 0) throw new Error('Push settings need webpush, fcm or both');
      return new CombinedPushProvider(senders);
    }
    case 'http-sms': {
      const { provider: _provider, ...config } = settings;
      return new HttpSmsProvider({ ...config, ...outbound });
    }
    case 'webhook': {
      const { provider: _provider, ...config } = settings;
      return new WebhookProvider({ ...config, ...outbound });
    }
  }
}
