import { signWhatsAppPayload } from '@engine/channels';
import type request from 'supertest';

/** The business number of the test project, as Meta names it in `metadata`. */
export const PHONE_NUMBER_ID = '106540352242922';
export const APP_SECRET = 'test-meta-app-secret';
export const VERIFY_TOKEN = 'test-verify-token-42';

export type MetaObject = Record<string, unknown>;

/** WhatsApp Cloud settings (PUT /api/v1/channels/whatsapp) on the shared test number, app secret and verify token. */
export function whatsAppCloudSettings(overrides: MetaObject = {}): MetaObject {
  return { provider: 'whatsapp-cloud', phoneNumberId: PHONE_NUMBER_ID, accessToken: 'EAAGm0PX4ZCpsBAtesttoken0123456789', appSecret: APP_SECRET, webhookVerifyToken: VERIFY_TOKEN, ...overrides };
}

/** A Cloud API webhook body with one entry per `values` item (each a `messages` change). */
export function webhookBody(...values: MetaObject[]): MetaObject {
  return {
    object: 'whatsapp_business_account',
    entry: values.map((value, index) => ({ id: `10214${index}`, changes: [{ field: 'messages', value }] })),
  };
}

/** The `value` of a change: inbound messages and/or statuses of one business number. */
export function changeValue(parts: { messages?: MetaObject[]; statuses?: MetaObject[]; contacts?: MetaObject[]; phoneNumberId?: string }): MetaObject {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: parts.phoneNumberId ?? PHONE_NUMBER_ID },
    ...(parts.contacts ? { contacts: parts.contacts } : {}),
    ...(parts.messages ? { messages: parts.messages } : {}),
    ...(parts.statuses ? { statuses: parts.statuses } : {}),
  };
}

export function contact(waId: string, name: string): MetaObject {
  return { profile: { name }, wa_id: waId };
}

/** An inbound message as Meta sends it: `from` is digits without `+`, `timestamp` unix seconds as a string. */
export function inbound(from: string, wamid: string, type: string, content: MetaObject, extra: MetaObject = {}): MetaObject {
  return { from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type, [type]: content, ...extra };
}

export function textMessage(from: string, wamid: string, text: string): MetaObject {
  return inbound(from, wamid, 'text', { body: text });
}

export function status(wamid: string, value: 'sent' | 'delivered' | 'read' | 'failed', recipient: string, extra: MetaObject = {}): MetaObject {
  return {
    id: wamid,
    status: value,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: recipient,
    ...(value === 'failed'
      ? {}
      : {
          conversation: { id: 'CONVERSATION_ID', origin: { type: 'marketing' } },
          pricing: { billable: true, pricing_model: 'CBP', category: 'marketing' },
        }),
    ...extra,
  };
}

/** Posts the body as Meta does: the exact bytes, signed with the app secret (unless a signature is given). */
export function postWebhook(http: () => ReturnType<typeof request>, body: MetaObject | string, signature?: string | null, appSecret = APP_SECRET): request.Test {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const call = http().post('/webhooks/whatsapp').set('content-type', 'application/json');
  const header = signature === undefined ? signWhatsAppPayload(raw, appSecret) : signature;
  return (header === null ? call : call.set('x-hub-signature-256', header)).send(raw);
}

/** The test project's WhatsApp Business Account: template status webhooks name it as the entry id. */
export const BUSINESS_ACCOUNT_ID = '102290129340398';

/** A `message_template_status_update` change of one template, as Meta's webhook reference shows it. */
export function templateStatusChange(event: string, name: string, extra: MetaObject = {}): MetaObject {
  return {
    field: 'message_template_status_update',
    value: { event, message_template_id: 1689556908129832, message_template_name: name, message_template_language: 'en', reason: 'NONE', ...extra },
  };
}

/** A body of template status changes of one business account; `time` is when Meta triggered the webhook (unix seconds). */
export function templateStatusBody(changes: MetaObject[], time: number, businessAccountId = BUSINESS_ACCOUNT_ID): MetaObject {
  return { object: 'whatsapp_business_account', entry: [{ id: businessAccountId, time, changes }] };
}
