import { type BuiltInEvent } from '@engine/journey';
import { type InboundWhatsAppMessage, type WhatsAppStatus, type WhatsAppStatusUpdate } from './whatsapp-webhook-types';

/** An engine event made from a webhook: what `POST /api/v1/events` would take, minus the user. */
export interface WhatsAppEvent {
  name: BuiltInEvent;
  /** The user, by phone number (E.164). */
  phone: string;
  occurredAt: Date;
  attributes: Record<string, string | number | boolean>;
}

/**
 * `PW_WhatsAppReceived` for an inbound message. Quick-reply branches match `text` and
 * `buttonPayload`; `replyToMessageId` (a wamid) lets the engine find the message answered.
 */
export function whatsAppReceivedEvent(message: InboundWhatsAppMessage): WhatsAppEvent {
  const attributes: WhatsAppEvent['attributes'] = { messageId: message.messageId, from: message.from, type: message.type, phoneNumberId: message.phoneNumberId };
  if (message.text !== undefined) attributes.text = message.text;
  if (message.buttonPayload !== undefined) attributes.buttonPayload = message.buttonPayload;
  if (message.interactiveType !== undefined) attributes.interactiveType = message.interactiveType;
  if (message.contactName !== undefined) attributes.contactName = message.contactName;
  if (message.context) attributes.replyToMessageId = message.context.messageId;
  if (message.media) {
    attributes.mediaId = message.media.id;
    if (message.media.mimeType) attributes.mediaMimeType = message.media.mimeType;
  }
  if (message.location) {
    attributes.latitude = message.location.latitude;
    attributes.longitude = message.location.longitude;
  }
  if (message.reaction) {
    attributes.reactionToMessageId = message.reaction.messageId;
    if (message.reaction.emoji) attributes.emoji = message.reaction.emoji;
  }
  return { name: 'PW_WhatsAppReceived', phone: message.from, occurredAt: message.timestamp, attributes };
}

const STATUS_EVENTS: Record<WhatsAppStatus, BuiltInEvent | undefined> = {
  // Meta accepted the message for the recipient: "sent but never delivered" can be branched on.
  sent: 'PW_WhatsAppSent',
  delivered: 'PW_WhatsAppDelivered',
  read: 'PW_WhatsAppRead',
  failed: 'PW_WhatsAppFailed',
};

/** `PW_WhatsAppSent` / `Delivered` / `Read` / `Failed` for a status update. */
export function whatsAppStatusEvent(update: WhatsAppStatusUpdate): WhatsAppEvent | undefined {
  const name = STATUS_EVENTS[update.status];
  if (!name) return undefined;
  const attributes: WhatsAppEvent['attributes'] = { providerMessageId: update.providerMessageId, status: update.status };
  const [error] = update.errors;
  if (error) {
    attributes.errorCode = error.code;
    if (error.title) attributes.errorTitle = error.title;
    const reason = error.details ?? error.message ?? error.title;
    if (reason) attributes.errorReason = reason;
  }
  return { name, phone: update.recipient, occurredAt: update.timestamp, attributes };
}
