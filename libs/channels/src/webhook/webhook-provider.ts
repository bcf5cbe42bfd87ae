import { randomUUID } from 'node:crypto';
import { type ChannelProvider, FinalSendError, type OutgoingMessage, type SendResult } from '../channel-provider';
import { type OutboundPolicy } from '../net/outbound-policy';
import { sendOutboundRequest } from '../net/outbound-request';
import { bodyExcerpt, sendErrorForHttpStatus, sendErrorForOutboundFailure } from '../net/send-error-for-outbound';
import { buildWebhookRequest } from './webhook-request';
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

export interface WebhookConfig extends OutboundPolicy {
  /** Default 10 000 ms; a node's own `timeoutMs` (at most 60 s) wins. */
  timeoutMs?: number;
  /** When set, every call carries `X-Journey-Signature` (see signWebhookBody). Secret. */
  signingSecret?: string;
}

/**
 * `send.webhook`: one HTTP call to the customer's backend, with an `Idempotency-Key` header
 * stable across retries. The URL is the customer's, so the SSRF guard applies (unless private
 * networks are allowed): non-http(s) URLs and internal addresses are refused before connecting,
 * checked on every address the name resolves to. Redirects are not followed and count as a
 * final failure: a 3xx means the call did not reach its handler, and following it could lead
 * inside. 2xx: sent (`X-Request-Id` of the answer, or a generated id); 408/429/5xx and network
 * errors are retried; other statuses are final.
 */
export class WebhookProvider implements ChannelProvider {
  readonly name = 'webhook';

  constructor(private readonly config: WebhookConfig = {}) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const request = buildWebhookRequest(message);
    const headers: Record<string, string> = {
      'user-agent': 'journey-engine-webhook/1',
      ...request.headers,
      'content-type': 'application/json',
      'idempotency-key': message.idempotencyKey,
    };
    if (this.config.signingSecret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhookBody(request.body, this.config.signingSecret, Math.floor(Date.now() / 1000));

    let response;
    try {
      response = await sendOutboundRequest({
        url: request.url,
        method: request.method,
        headers,
        body: request.body,
        timeoutMs: request.timeoutMs ?? this.config.timeoutMs ?? 10_000,
        allowPrivateNetworks: this.config.allowPrivateNetworks,
        extraCaCerts: this.config.extraCaCerts,
        maxResponseBytes: 64 * 1024,
      });
    } catch (error) {
      throw sendErrorForOutboundFailure(error, 'Webhook');
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      const requestId = response.headers['x-request-id'];
      return { providerMessageId: typeof requestId === 'string' && requestId.trim() ? requestId.trim().slice(0, 200) : `webhook-${randomUUID()}` };
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.location;
      throw new FinalSendError(`Webhook answered HTTP ${status}, a redirect${location ? ` to ${location}` : ''}; redirects are not followed, configure the final URL`, { code: String(status) });
    }
    throw sendErrorForHttpStatus('Webhook', status, response.headers, bodyExcerpt(response.body, 200) || undefined);
  }
}
