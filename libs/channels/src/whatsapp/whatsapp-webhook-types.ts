/** Inbound message types of Cloud API webhooks; anything newer arrives as `unknown` (see `raw`). */
export const WHATSAPP_INBOUND_TYPES = [
  'text',
  'button',
  'interactive',
  'image',
  'video',
  'document',
  'audio',
  'sticker',
  'location',
  'reaction',
  'contacts',
  'order',
  'system',
  'unsupported',
  'unknown',
] as const;
export type WhatsAppInboundType = (typeof WHATSAPP_INBOUND_TYPES)[number];

/** An error object of a webhook (`{ code, title, message, error_data: { details } }`). */
export interface WhatsAppWebhookError {
  code: number;
  title?: string;
  message?: string;
  details?: string;
}

/** A message a user sent to the business number, normalized. */
export interface InboundWhatsAppMessage {
  /** `wamid.…` */
  messageId: string;
  /** The sender in E.164 (`+` and digits). */
  from: string;
  /** The business number it was sent to; tells the project. */
  phoneNumberId: string;
  displayPhoneNumber?: string;
  /** The sender's WhatsApp profile name. */
  contactName?: string;
  timestamp: Date;
  type: WhatsAppInboundType;
  /** What the user wrote or picked: text body, button text, interactive reply title, media caption, order text. */
  text?: string;
  /** A quick-reply button's payload or an interactive reply's id. */
  buttonPayload?: string;
  /** For `interactive`: button_reply, list_reply, nfm_reply… */
  interactiveType?: string;
  /** Set when the user replied to (or tapped a button of) an earlier message. */
  context?: { messageId: string; from?: string; forwarded?: boolean };
  media?: { id: string; mimeType?: string; sha256?: string; filename?: string; caption?: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  /** `emoji` is absent when the user removed a reaction. */
  reaction?: { messageId: string; emoji?: string };
  /** For `unsupported` / `unknown` types, why Meta could not pass the content on. */
  errors?: WhatsAppWebhookError[];
  /** Meta's message object as received. */
  raw: Record<string, unknown>;
}

export const WHATSAPP_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type WhatsAppStatus = (typeof WHATSAPP_STATUSES)[number];

/** A delivery receipt of a message the business sent. */
export interface WhatsAppStatusUpdate {
  /** The `wamid.…` the send answered with. */
  providerMessageId: string;
  status: WhatsAppStatus;
  timestamp: Date;
  /** E.164 when Meta gives a phone number, else Meta's recipient id as is. */
  recipient: string;
  phoneNumberId: string;
  errors: WhatsAppWebhookError[];
  conversation?: { id: string; originType?: string; expiresAt?: Date };
  pricing?: { billable?: boolean; pricingModel?: string; category?: string };
  /** The `biz_opaque_callback_data` given at send time, if any. */
  callbackData?: string;
}

/**
 * The events of Meta's `message_template_status_update` webhook reference. Meta adds events now and
 * then: a change with any other event is skipped (see `problems`).
 */
export const WHATSAPP_TEMPLATE_EVENTS = [
  'APPROVED',
  'REJECTED',
  'PENDING',
  'PAUSED',
  'DISABLED',
  'FLAGGED',
  'REINSTATED',
  'IN_APPEAL',
  'LOCKED',
  'UNLOCKED',
  'ARCHIVED',
  'UNARCHIVED',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
] as const;
export type WhatsAppTemplateEvent = (typeof WHATSAPP_TEMPLATE_EVENTS)[number];

/** Meta's review (or quality) verdict on one message template of a WhatsApp Business Account. */
export interface WhatsAppTemplateStatusUpdate {
  /** The WhatsApp Business Account (the entry's id); tells the project. */
  businessAccountId: string;
  event: WhatsAppTemplateEvent;
  /** Meta's template id, as digits. */
  templateId?: string;
  name: string;
  /** As templates are created (`en_US`); Meta's reference also shows `en-US` in webhooks. */
  language: string;
  /** Meta's reason code (`INVALID_FORMAT`, `SCAM`...); absent when Meta says `NONE` or null. */
  reason?: string;
  /** For INVALID_FORMAT rejections: what is wrong and what to do. */
  rejectionInfo?: { reason?: string; recommendation?: string };
  /** For pauses, unpauses and locks: `FIRST_PAUSE`... and a sentence for people. */
  otherInfo?: { title?: string; description?: string };
  /** When Meta triggered the webhook (the entry's `time`), to tell a late redelivery from news. */
  occurredAt?: Date;
}

/** Meta moved a template to another category (`template_category_update`): it is sent and priced as that one. */
export interface WhatsAppTemplateCategoryUpdate {
  businessAccountId: string;
  templateId?: string;
  name: string;
  language: string;
  previousCategory?: string;
  /** `marketing`, `utility` or `authentication`, lower case. */
  newCategory: string;
}

export interface WhatsAppWebhookBatch {
  inbound: InboundWhatsAppMessage[];
  statuses: WhatsAppStatusUpdate[];
  /** `message_template_status_update` changes, in the order of the body. */
  templateStatuses: WhatsAppTemplateStatusUpdate[];
  /** `template_category_update` changes, in the order of the body. */
  templateCategories: WhatsAppTemplateCategoryUpdate[];
  /** What was skipped and why (malformed parts); the rest of the batch is still returned. */
  problems: string[];
}
