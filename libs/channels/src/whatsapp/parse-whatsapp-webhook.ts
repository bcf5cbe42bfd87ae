import { isRecord, type JsonRecord } from '../json/json-record';
import { e164FromWhatsAppId } from './whatsapp-phone-number';
import {
  type InboundWhatsAppMessage,
  WHATSAPP_INBOUND_TYPES,
  WHATSAPP_STATUSES,
  WHATSAPP_TEMPLATE_EVENTS,
  type WhatsAppInboundType,
  type WhatsAppStatus,
  type WhatsAppStatusUpdate,
  type WhatsAppTemplateEvent,
  type WhatsAppTemplateCategoryUpdate,
  type WhatsAppTemplateStatusUpdate,
  type WhatsAppWebhookBatch,
  type WhatsAppWebhookError,
} from './whatsapp-webhook-types';

const MEDIA_TYPES = new Set(['image', 'video', 'document', 'audio', 'sticker']);

/**
 * Reads a Cloud API webhook body: `{ object: 'whatsapp_business_account', entry: [{ id, time, changes:
 * [{ field: 'messages', value: { metadata, contacts, messages, statuses } }] }] }`, with any number
 * of entries and changes; `message_template_status_update` changes become `templateStatuses`.
 * Changes of other fields (account updates, quality) are passed over. Never throws: what cannot be
 * read is skipped and described in `problems`.
 */
export function parseWhatsAppWebhook(payload: unknown): WhatsAppWebhookBatch {
  const batch: WhatsAppWebhookBatch = { inbound: [], statuses: [], templateStatuses: [], templateCategories: [], problems: [] };
  if (!isRecord(payload)) {
    batch.problems.push('The payload is not a JSON object');
    return batch;
  }
  if (payload.object !== 'whatsapp_business_account') {
    batch.problems.push(`The payload's object is ${payload.object === undefined ? 'missing' : shown(payload.object)}, not "whatsapp_business_account"`);
    return batch;
  }
  if (!Array.isArray(payload.entry)) {
    batch.problems.push('The payload has no entry list');
    return batch;
  }
  payload.entry.forEach((entry: unknown, e) => {
    const entryAt = `entry[${e}]`;
    if (!isRecord(entry) || !Array.isArray(entry.changes)) {
      batch.problems.push(`${entryAt} has no changes list`);
      return;
    }
    entry.changes.forEach((change: unknown, c) => readChange(change, entry, `${entryAt}.changes[${c}]`, batch));
  });
  return batch;
}

function readChange(change: unknown, entry: JsonRecord, at: string, batch: WhatsAppWebhookBatch): void {
  if (!isRecord(change)) {
    batch.problems.push(`${at} is not an object`);
    return;
  }
  if (change.field === 'message_template_status_update') {
    const update = readTemplateStatus(change.value, entry);
    if (typeof update === 'string') batch.problems.push(`${at}: ${update}`);
    else batch.templateStatuses.push(update);
    return;
  }
  if (change.field === 'template_category_update') {
    const update = readTemplateCategory(change.value, entry);
    if (typeof update === 'string') batch.problems.push(`${at}: ${update}`);
    else batch.templateCategories.push(update);
    return;
  }
  if (change.field !== 'messages') return;
  const value = change.value;
  if (!isRecord(value)) {
    batch.problems.push(`${at} has no value`);
    return;
  }
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const phoneNumberId = text(metadata.phone_number_id);
  if (!phoneNumberId) {
    batch.problems.push(`${at}.value has no metadata.phone_number_id`);
    return;
  }
  const displayPhoneNumber = text(metadata.display_phone_number);
  const contacts = Array.isArray(value.contacts) ? value.contacts.filter(isRecord) : [];

  list(value.messages).forEach((raw, m) => {
    const where = `${at}.value.messages[${m}]`;
    const message = readInbound(raw, phoneNumberId, displayPhoneNumber, contacts);
    if (typeof message === 'string') batch.problems.push(`${where}: ${message}`);
    else batch.inbound.push(message);
  });
  list(value.statuses).forEach((raw, s) => {
    const status = readStatus(raw, phoneNumberId);
    if (typeof status === 'string') batch.problems.push(`${at}.value.statuses[${s}]: ${status}`);
    else batch.statuses.push(status);
  });
  for (const error of readErrors(value.errors)) {
    batch.problems.push(`${at}.value reports error ${error.code}${error.title ? ` (${error.title})` : ''}${error.details ? `: ${error.details}` : ''}`);
  }
}

/** The message, or why it was skipped. */
function readInbound(raw: unknown, phoneNumberId: string, displayPhoneNumber: string | undefined, contacts: JsonRecord[]): InboundWhatsAppMessage | string {
  if (!isRecord(raw)) return 'not an object';
  const messageId = text(raw.id);
  if (!messageId) return 'no message id';
  const waId = text(raw.from);
  const from = waId ? e164FromWhatsAppId(waId) : undefined;
  if (!from) return raw.from === undefined ? 'no sender' : `sender ${shown(raw.from)} is not a WhatsApp id`;
  const timestamp = unixSeconds(raw.timestamp);
  if (!timestamp) return raw.timestamp === undefined ? 'no timestamp' : `timestamp ${shown(raw.timestamp)} is not unix seconds`;
  const rawType = text(raw.type) ?? 'unknown';
  const type: WhatsAppInboundType = (WHATSAPP_INBOUND_TYPES as readonly string[]).includes(rawType) ? (rawType as WhatsAppInboundType) : 'unknown';

  const contact = contacts.find((candidate) => typeof candidate.wa_id === 'string' && e164FromWhatsAppId(candidate.wa_id) === from) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const profile = isRecord(contact?.profile) ? contact.profile : undefined;
  const message: InboundWhatsAppMessage = {
    messageId,
    from,
    phoneNumberId,
    ...(displayPhoneNumber ? { displayPhoneNumber } : {}),
    ...(text(profile?.name) ? { contactName: text(profile?.name) } : {}),
    timestamp,
    type,
    raw,
  };

  const body = isRecord(raw[rawType]) ? raw[rawType] : {};
  if (type === 'text') message.text = text(body.body);
  else if (type === 'button') {
    message.text = text(body.text);
    message.buttonPayload = text(body.payload);
  } else if (type === 'interactive') readInteractive(body, message);
  else if (MEDIA_TYPES.has(type)) {
    const id = text(body.id);
    if (id) {
      message.media = { id, mimeType: text(body.mime_type), sha256: text(body.sha256), filename: text(body.filename), caption: text(body.caption) };
      dropUndefined(message.media);
    }
    message.text = text(body.caption);
  } else if (type === 'location') {
    if (typeof body.latitude === 'number' && typeof body.longitude === 'number') {
      message.location = { latitude: body.latitude, longitude: body.longitude, name: text(body.name), address: text(body.address), url: text(body.url) };
      dropUndefined(message.location);
    }
  } else if (type === 'reaction') {
    const reacted = text(body.message_id);
    if (reacted) message.reaction = text(body.emoji) ? { messageId: reacted, emoji: text(body.emoji) } : { messageId: reacted };
  } else if (type === 'order') message.text = text(body.text);
  else if (type === 'system') message.text = text(body.body);

  if (isRecord(raw.context) && text(raw.context.id)) {
    const repliedFrom = text(raw.context.from);
    message.context = { messageId: text(raw.context.id)! };
    if (repliedFrom) message.context.from = e164FromWhatsAppId(repliedFrom) ?? repliedFrom;
    if (raw.context.forwarded === true || raw.context.frequently_forwarded === true) message.context.forwarded = true;
  }
  const errors = readErrors(raw.errors);
  if (errors.length > 0) message.errors = errors;
  dropUndefined(message);
  return message;
}

function readInteractive(body: JsonRecord, message: InboundWhatsAppMessage): void {
  const kind = text(body.type);
  if (!kind) return;
  message.interactiveType = kind;
  const reply = isRecord(body[kind]) ? body[kind] : {};
  if (kind === 'button_reply' || kind === 'list_reply') {
    message.text = text(reply.title);
    message.buttonPayload = text(reply.id);
  } else if (kind === 'nfm_reply') {
    message.text = text(reply.body);
  }
}

function readStatus(raw: unknown, phoneNumberId: string): WhatsAppStatusUpdate | string {
  if (!isRecord(raw)) return 'not an object';
  const providerMessageId = text(raw.id);
  if (!providerMessageId) return 'no message id';
  const status = text(raw.status);
  if (!status || !(WHATSAPP_STATUSES as readonly string[]).includes(status)) {
    return raw.status === undefined ? 'no status' : `status ${shown(raw.status)} is not one of ${WHATSAPP_STATUSES.join(', ')}`;
  }
  const timestamp = unixSeconds(raw.timestamp);
  if (!timestamp) return raw.timestamp === undefined ? 'no timestamp' : `timestamp ${shown(raw.timestamp)} is not unix seconds`;
  const recipientId = text(raw.recipient_id);
  if (!recipientId) return 'no recipient_id';

  const update: WhatsAppStatusUpdate = {
    providerMessageId,
    status: status as WhatsAppStatus,
    timestamp,
    recipient: e164FromWhatsAppId(recipientId) ?? recipientId,
    phoneNumberId,
    errors: readErrors(raw.errors),
  };
  if (isRecord(raw.conversation) && text(raw.conversation.id)) {
    const origin = isRecord(raw.conversation.origin) ? text(raw.conversation.origin.type) : undefined;
    update.conversation = { id: text(raw.conversation.id)!, originType: origin, expiresAt: unixSeconds(raw.conversation.expiration_timestamp) };
    dropUndefined(update.conversation);
  }
  if (isRecord(raw.pricing)) {
    update.pricing = {
      billable: typeof raw.pricing.billable === 'boolean' ? raw.pricing.billable : undefined,
      pricingModel: text(raw.pricing.pricing_model),
      category: text(raw.pricing.category),
    };
    dropUndefined(update.pricing);
  }
  const callbackData = text(raw.biz_opaque_callback_data);
  if (callbackData) update.callbackData = callbackData;
  return update;
}

/**
 * A template status change (`value: { event, message_template_id, message_template_name,
 * message_template_language, reason, rejection_info, other_info }`) of the account the entry names,
 * or why it was skipped.
 */
function readTemplateStatus(value: unknown, entry: JsonRecord): WhatsAppTemplateStatusUpdate | string {
  if (!isRecord(value)) return 'no value';
  const businessAccountId = numericId(entry.id);
  if (!businessAccountId) return entry.id === undefined ? 'the entry has no id (the WhatsApp Business Account id)' : `entry id ${shown(entry.id)} is not a WhatsApp Business Account id`;
  const name = text(value.message_template_name);
  if (!name) return 'no message_template_name';
  const language = text(value.message_template_language);
  if (!language) return `no message_template_language for template ${name}`;
  const event = text(value.event);
  if (!event || !(WHATSAPP_TEMPLATE_EVENTS as readonly string[]).includes(event)) {
    return value.event === undefined ? `no event for template ${name} (${language})` : `event ${shown(value.event)} of template ${name} (${language}) is not a template event this version knows`;
  }

  const update: WhatsAppTemplateStatusUpdate = {
    businessAccountId,
    event: event as WhatsAppTemplateEvent,
    templateId: numericId(value.message_template_id),
    name,
    // Templates are created as en_US; the reference's webhook examples say en-US.
    language: language.replace('-', '_'),
    reason: text(value.reason) === 'NONE' ? undefined : text(value.reason),
    occurredAt: unixSeconds(entry.time),
  };
  if (isRecord(value.rejection_info)) {
    update.rejectionInfo = { reason: text(value.rejection_info.reason), recommendation: text(value.rejection_info.recommendation) };
    dropUndefined(update.rejectionInfo);
  }
  if (isRecord(value.other_info)) {
    update.otherInfo = { title: text(value.other_info.title), description: text(value.other_info.description) };
    dropUndefined(update.otherInfo);
  }
  dropUndefined(update);
  return update;
}

/**
 * A template category change (`value: { message_template_id, message_template_name,
 * message_template_language, previous_category, new_category }`), or why it was skipped.
 */
function readTemplateCategory(value: unknown, entry: JsonRecord): WhatsAppTemplateCategoryUpdate | string {
  if (!isRecord(value)) return 'no value';
  const businessAccountId = numericId(entry.id);
  if (!businessAccountId) return entry.id === undefined ? 'the entry has no id (the WhatsApp Business Account id)' : `entry id ${shown(entry.id)} is not a WhatsApp Business Account id`;
  const name = text(value.message_template_name);
  if (!name) return 'no message_template_name';
  const language = text(value.message_template_language);
  if (!language) return `no message_template_language for template ${name}`;
  const newCategory = text(value.new_category)?.toLowerCase();
  if (!newCategory || !['marketing', 'utility', 'authentication'].includes(newCategory)) {
    return `new_category ${shown(value.new_category)} of template ${name} (${language}) is not marketing, utility or authentication`;
  }
  const update: WhatsAppTemplateCategoryUpdate = {
    businessAccountId,
    templateId: numericId(value.message_template_id),
    name,
    language: language.replace('-', '_'),
    previousCategory: text(value.previous_category)?.toLowerCase(),
    newCategory,
  };
  dropUndefined(update);
  return update;
}

function readErrors(value: unknown): WhatsAppWebhookError[] {
  return list(value).flatMap((raw) => {
    if (!isRecord(raw) || typeof raw.code !== 'number') return [];
    const details = isRecord(raw.error_data) ? text(raw.error_data.details) : undefined;
    const error: WhatsAppWebhookError = { code: raw.code, title: text(raw.title), message: text(raw.message), details };
    dropUndefined(error);
    return [error];
  });
}

/** A value for a problem message; never throws (BigInt, cycles). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Meta's object ids: digits, as a string (as documented) or a number (template ids in the reference). */
function numericId(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  return typeof value === 'string' && /^\d+$/.test(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Meta's timestamps are unix seconds, usually as a string. */
function unixSeconds(value: unknown): Date | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

// Keeps normalized objects free of `key: undefined`, so they compare and serialize cleanly.
function dropUndefined(object: object): void {
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
}
