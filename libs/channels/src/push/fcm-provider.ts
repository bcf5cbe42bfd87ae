import { type ChannelProvider, FinalSendError, type OutgoingMessage, RetryableSendError, type SendResult } from '../channel-provider';
import { type OutboundPolicy } from '../net/outbound-policy';
import { sendOutboundRequest } from '../net/outbound-request';
import { sendErrorForOutboundFailure } from '../net/send-error-for-outbound';
import { buildFcmMessage } from './fcm-message';
import { fcmTokenOutcome } from './fcm-token-outcome';
import { FCM_SCOPE, type GoogleServiceAccount, GoogleAccessTokenSource } from './google-access-token';
import { readPushContent, type PushContent } from './push-content';
import { aggregatePushOutcomes, type PushTarget, type PushTokenOutcome, type PushTokenSender, unservedTokens } from './push-token-outcome';

export interface FcmConfig extends OutboundPolicy {
  serviceAccount: GoogleServiceAccount;
  /** Default https://fcm.googleapis.com; a stand-in in tests. */
  fcmBaseUrl?: string;
  /** Per request; default 10 000 ms. */
  timeoutMs?: number;
  /** Clock for the access token cache (tests). */
  now?: () => number;
}

export const DEFAULT_FCM_BASE_URL = 'https://fcm.googleapis.com';

/**
 * Firebase Cloud Messaging HTTP v1 for `android` and `ios` tokens: an OAuth token from the
 * service account (JWT bearer grant, cached), then one `messages:send` per token.
 */
export class FcmProvider implements ChannelProvider, PushTokenSender {
  readonly name = 'fcm';
  readonly platforms = ['android', 'ios'] as const;
  private readonly tokens: GoogleAccessTokenSource;
  private readonly endpoint: string;

  constructor(private readonly config: FcmConfig) {
    if (!config.serviceAccount?.project_id || !config.serviceAccount.client_email) throw new Error('The FCM service account needs project_id and client_email');
    this.tokens = new GoogleAccessTokenSource(config.serviceAccount, {
      scope: FCM_SCOPE,
      timeoutMs: config.timeoutMs ?? 10_000,
      allowPrivateNetworks: config.allowPrivateNetworks,
      extraCaCerts: config.extraCaCerts,
      now: config.now,
    });
    const base = (config.fcmBaseUrl ?? DEFAULT_FCM_BASE_URL).replace(/\/+$/, '');
    this.endpoint = `${base}/v1/projects/${encodeURIComponent(config.serviceAccount.project_id)}/messages:send`;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const targets = message.to.pushTokens ?? [];
    return aggregatePushOutcomes([...(await this.sendToTokens(message, targets)), ...unservedTokens(targets, this.platforms)]);
  }

  async sendToTokens(message: OutgoingMessage, targets: PushTarget[]): Promise<PushTokenOutcome[]> {
    const mine = targets.filter((target) => (this.platforms as readonly string[]).includes(target.platform));
    if (mine.length === 0) return [];
    const content = readPushContent(message.content);
    return Promise.all(mine.map((target) => this.sendToToken(target, content, message.messageId, message.tracking?.openUrl)));
  }

  private async sendToToken(target: PushTarget, content: PushContent, messageId: string, openUrl?: string): Promise<PushTokenOutcome> {
    const body = JSON.stringify(buildFcmMessage(target.token, target.platform, content, messageId, openUrl));
    try {
      let response = await this.post(body);
      if (response.status === 401) {
        // The cached access token may have been revoked early: one more try with a fresh one.
        this.tokens.invalidate();
        response = await this.post(body);
      }
      return fcmTokenOutcome(target.token, response.status, response.body, response.headers);
    } catch (error) {
      if (error instanceof RetryableSendError || error instanceof FinalSendError) {
        return { token: target.token, kind: 'failed', retryable: error instanceof RetryableSendError, reason: error.message };
      }
      throw error;
    }
  }

  private async post(body: string): Promise<Awaited<ReturnType<typeof sendOutboundRequest>>> {
    const accessToken = await this.tokens.accessToken();
    try {
      return await sendOutboundRequest({
        url: this.endpoint,
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body,
        timeoutMs: this.config.timeoutMs ?? 10_000,
        allowPrivateNetworks: this.config.allowPrivateNetworks,
        extraCaCerts: this.config.extraCaCerts,
      });
    } catch (error) {
      throw sendErrorForOutboundFailure(error, 'FCM');
    }
  }
}
