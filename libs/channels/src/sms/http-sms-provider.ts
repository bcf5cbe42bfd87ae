import { randomUUID } from 'node:crypto';
import { type ChannelProvider, FinalSendError, type OutgoingMessage, type SendResult } from '../channel-provider';
import { isRecord, parseJson } from '../json/json-record';
import { type OutboundPolicy } from '../net/outbound-policy';
import { sendOutboundRequest } from '../net/outbound-request';
import { bodyExcerpt, sendErrorForHttpStatus, sendErrorForOutboundFailure } from '../net/send-error-for-outbound';

export interface HttpSmsConfig extends OutboundPolicy {
  /** The gateway endpoint that takes one SMS per POST. */
  url: string;
  /** The whole Authorization header value, e.g. `Bearer abc` or `Basic dXNlcjpwYXNz`. Secret. */
  authHeader?: string;
  /** Sender id or number, passed on as `from`. */
  from?: string;
  /** Default 10 000 ms. */
  timeoutMs?: number;
}

/**
 * SMS through any HTTP gateway that speaks this small contract (or a thin adapter in front of
 * Twilio, Vonage, …):
 *
 *   POST {url}
 *   Content-Type: application/json
 *   Authorization: {authHeader}             (when configured)
 *   Idempotency-Key: {message idempotency key, stable across retries}
 *   { "to": "+4915123456789", "from": "{from}", "text": "…" }   (from only when configured)
 *
 * answered with 2xx and `{ "id": "<gateway message id>" }`. 429, 408 and 5xx are retried (Retry-After
 * honoured), any other status is final; a network error or timeout is retried. A 2xx without an
 * id still counts as sent (a retry could send twice) under a generated id.
 */
export class HttpSmsProvider implements ChannelProvider {
  readonly name = 'http-sms';

  constructor(private readonly config: HttpSmsConfig) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const to = message.to.phone;
    if (!to) throw new FinalSendError('The user has no phone number');
    const text = message.content.text;
    if (typeof text !== 'string' || text.trim() === '') throw new FinalSendError('The SMS text is empty');

    let response;
    try {
      response = await sendOutboundRequest({
        url: this.config.url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          ...(this.config.authHeader ? { authorization: this.config.authHeader } : {}),
        },
        body: JSON.stringify({ to, ...(this.config.from ? { from: this.config.from } : {}), text }),
        timeoutMs: this.config.timeoutMs ?? 10_000,
        allowPrivateNetworks: this.config.allowPrivateNetworks,
        extraCaCerts: this.config.extraCaCerts,
      });
    } catch (error) {
      throw sendErrorForOutboundFailure(error, 'SMS gateway');
    }
    if (response.status < 200 || response.status >= 300) {
      throw sendErrorForHttpStatus('SMS gateway', response.status, response.headers, bodyExcerpt(response.body, 200) || undefined);
    }
    const parsed = parseJson(response.body);
    const id = isRecord(parsed) ? parsed.id : undefined;
    return { providerMessageId: typeof id === 'string' && id ? id : typeof id === 'number' ? String(id) : `sms-${randomUUID()}` };
  }
}
