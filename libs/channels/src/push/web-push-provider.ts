import { createHash, randomUUID } from 'node:crypto';
import webPush, { type Urgency } from 'web-push';
import { type ChannelProvider, type OutgoingMessage, type SendResult } from '../channel-provider';
import { type OutboundPolicy } from '../net/outbound-policy';
import { sendOutboundRequest } from '../net/outbound-request';
import { OutboundRequestError } from '../net/outbound-request-error';
import { retryAfterMs } from '../net/retry-after';
import { bodyExcerpt, isRetryableHttpStatus } from '../net/send-error-for-outbound';
import { readPushContent } from './push-content';
import { aggregatePushOutcomes, type PushTarget, type PushTokenOutcome, type PushTokenSender, unservedTokens } from './push-token-outcome';
import { buildWebPushPayload } from './web-push-payload';
import { readWebPushSubscription } from './web-push-subscription';
import { readErrorDetails } from '../error-details';

export interface WebPushConfig extends OutboundPolicy {
  /** VAPID key pair (web-push generateVAPIDKeys), URL-safe base64. The private key is secret. */
  vapidPublicKey: string;
  vapidPrivateKey: string;
  /** A mailto: or https: contact for push services, e.g. mailto:ops@example.com. */
  subject: string;
  /** How long the push service keeps an undelivered message; default 1 day. */
  ttlSeconds?: number;
  urgency?: Urgency;
  /** Default 10 000 ms. */
  timeoutMs?: number;
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291), for
 * tokens of platform `web` (the token is the browser's PushSubscription JSON). web-push builds
 * the encrypted request; the engine's own HTTP client sends it, because subscription endpoints
 * come from browsers, that is from anyone: it refuses internal addresses at connect time, bounds
 * the answer and the time. Endpoints must be https (http only where private networks are allowed,
 * for local stand-ins). 404/410 mean the subscription is gone: the token is reported dead.
 */
export class WebPushProvider implements ChannelProvider, PushTokenSender {
  readonly name = 'webpush';
  readonly platforms = ['web'] as const;

  constructor(private readonly config: WebPushConfig) {
    // Fails early on malformed keys or subject, with web-push's own explanation.
    webPush.getVapidHeaders('https://push.example', config.subject, config.vapidPublicKey, config.vapidPrivateKey, 'aes128gcm');
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const targets = message.to.pushTokens ?? [];
    return aggregatePushOutcomes([...(await this.sendToTokens(message, targets)), ...unservedTokens(targets, this.platforms)]);
  }

  async sendToTokens(message: OutgoingMessage, targets: PushTarget[]): Promise<PushTokenOutcome[]> {
    const mine = targets.filter((target) => (this.platforms as readonly string[]).includes(target.platform));
    if (mine.length === 0) return [];
    const payload = JSON.stringify(buildWebPushPayload(readPushContent(message.content), message.messageId, message.tracking?.openUrl));
    return Promise.all(mine.map((target) => this.sendToToken(target.token, payload, message.idempotencyKey)));
  }

  private async sendToToken(token: string, payload: string, idempotencyKey: string): Promise<PushTokenOutcome> {
    const subscription = readWebPushSubscription(token);
    if (typeof subscription === 'string') return { token, kind: 'dead', reason: subscription };
    if (subscription.endpoint.startsWith('http:') && !this.config.allowPrivateNetworks) {
      return { token, kind: 'dead', reason: 'the subscription endpoint is not https' };
    }

    let request;
    try {
      request = webPush.generateRequestDetails(subscription, payload, {
        vapidDetails: { subject: this.config.subject, publicKey: this.config.vapidPublicKey, privateKey: this.config.vapidPrivateKey },
        TTL: this.config.ttlSeconds ?? 86_400,
        contentEncoding: 'aes128gcm',
        urgency: this.config.urgency ?? 'normal',
        // Lets the push service collapse a retried message (32 URL-safe characters at most).
        topic: topicFor(idempotencyKey),
      });
    } catch (error) {
      return { token, kind: 'dead', reason: `the subscription cannot be encrypted to: ${readErrorDetails(error).message}` };
    }

    let response;
    try {
      response = await sendOutboundRequest({
        url: request.endpoint,
        method: 'POST',
        headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
        body: request.body ?? undefined,
        timeoutMs: this.config.timeoutMs ?? 10_000,
        allowPrivateNetworks: this.config.allowPrivateNetworks,
        extraCaCerts: this.config.extraCaCerts,
      });
    } catch (error) {
      const retryable = !(error instanceof OutboundRequestError) || error.failure === 'timeout' || error.failure === 'network';
      return { token, kind: 'failed', retryable, reason: readErrorDetails(error).message };
    }

    const { status } = response;
    if (status >= 200 && status < 300) {
      const location = response.headers.location;
      return { token, kind: 'sent', providerMessageId: typeof location === 'string' && location ? location : `webpush-${randomUUID()}` };
    }
    if (status === 404 || status === 410) return { token, kind: 'dead', reason: `the push service answered ${status}: the subscription expired or was removed` };
    const reason = `the push service answered HTTP ${status}${response.body.trim() ? `: ${bodyExcerpt(response.body, 200)}` : ''}`;
    return isRetryableHttpStatus(status)
      ? { token, kind: 'failed', retryable: true, reason, retryAfterMs: retryAfterMs(response.headers['retry-after']) }
      : { token, kind: 'failed', retryable: false, reason };
  }
}

function topicFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32);
}
