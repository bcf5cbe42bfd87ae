import { type ChannelProvider, FinalSendError, type OutgoingMessage, type SendResult } from '../channel-provider';
import { isRecord, parseJson } from '../json/json-record';
import { type OutboundPolicy } from '../net/outbound-policy';
import { sendOutboundRequest } from '../net/outbound-request';
import { sendErrorForOutboundFailure } from '../net/send-error-for-outbound';
import { buildWhatsAppRequestBody } from './whatsapp-request-body';
import { whatsAppSendError } from './whatsapp-send-error';

export interface WhatsAppCloudConfig extends OutboundPolicy {
  /** The business phone number's id in Meta's WhatsApp Manager (not the number itself). */
  phoneNumberId: string;
  /** A system-user access token with whatsapp_business_messaging. Secret. */
  accessToken: string;
  /** Default https://graph.facebook.com; a stand-in in tests. */
  graphBaseUrl?: string;
  /** Graph API version, default v21.0. */
  apiVersion?: string;
  /** Default 15 000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v21.0';

/**
 * WhatsApp through Meta's Cloud API: `POST {graph}/{version}/{phone-number-id}/messages`. The
 * answer's `messages[0].id` (a `wamid.…`) is the id status webhooks refer to later.
 */
export class WhatsAppCloudProvider implements ChannelProvider {
  readonly name = 'whatsapp-cloud';
  private readonly endpoint: string;

  constructor(private readonly config: WhatsAppCloudConfig) {
    const version = config.apiVersion ?? DEFAULT_GRAPH_API_VERSION;
    if (!/^v\d+\.\d+$/.test(version)) throw new Error(`WhatsApp API version "${version}" is not of the form v21.0`);
    if (!/^\d+$/.test(config.phoneNumberId)) throw new Error('The WhatsApp phone number id must be digits (the id from WhatsApp Manager, not the number)');
    const base = (config.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
    this.endpoint = `${base}/${version}/${config.phoneNumberId}/messages`;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    if (!message.to.phone) throw new FinalSendError('The user has no phone number');
    const body = { ...buildWhatsAppRequestBody(message.content, message.to.phone, message.templateParameterNames), biz_opaque_callback_data: message.messageId };
    let response;
    try {
      response = await sendOutboundRequest({
        url: this.endpoint,
        method: 'POST',
        headers: { authorization: `Bearer ${this.config.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: this.config.timeoutMs ?? 15_000,
        allowPrivateNetworks: this.config.allowPrivateNetworks,
        extraCaCerts: this.config.extraCaCerts,
      });
    } catch (error) {
      throw sendErrorForOutboundFailure(error, 'WhatsApp Cloud API');
    }
    if (response.status < 200 || response.status >= 300) throw whatsAppSendError(response.status, response.body, response.headers);

    const parsed = parseJson(response.body);
    const messages = isRecord(parsed) && Array.isArray(parsed.messages) ? parsed.messages : [];
    const first: unknown = messages[0];
    const id = isRecord(first) ? first.id : undefined;
    // Accepted, yet without an id: final rather than retried, a retry could send it twice.
    if (typeof id !== 'string' || id === '') throw new FinalSendError(`WhatsApp Cloud API accepted the message without a message id: ${response.body.slice(0, 200)}`);
    return { providerMessageId: id };
  }
}
