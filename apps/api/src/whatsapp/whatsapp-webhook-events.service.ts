import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type InboundWhatsAppMessage,
  whatsAppReceivedEvent,
  whatsAppStatusEvent,
  type WhatsAppStatusUpdate,
} from '@engine/channels';
import { MessageStore, UserStore } from '@engine/persistence';
import { type IncomingEvent, IngestEvents } from '@engine/execution';
import { DataSource, type EntityManager } from 'typeorm';
import { type WhatsAppWebhookReceiptDto } from './dto/whatsapp-webhook-receipt.response';

interface OurMessage {
  id: string;
  provider_message_id: string;
  external_id: string;
}

/**
 * A status can arrive before the send that caused it has stored Meta's message id. For this long
 * after a WhatsApp send to the recipient started, an unknown status is worth a redelivery.
 */
const SEND_IN_FLIGHT_SECONDS = 120;

/**
 * Turns a verified webhook batch of one project into engine events: each inbound message a
 * `PW_WhatsAppReceived` of the user with that phone number (registered when new), each status of
 * one of our messages a `PW_WhatsApp{Delivered,Read,Failed}` of its user. Idempotency keys made from
 * Meta's ids make redeliveries harmless.
 */
@Injectable()
export class WhatsAppWebhookEvents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestEvents,
  ) {}

  async record(projectId: string, inbound: InboundWhatsAppMessage[], statuses: WhatsAppStatusUpdate[]): Promise<Omit<WhatsAppWebhookReceiptDto, 'templatesUpdated'>> {
    const referenced = [...inbound.flatMap((message) => (message.context ? [message.context.messageId] : [])), ...statuses.map((update) => update.providerMessageId)];
    const [userIdByPhone, ours] = await Promise.all([
      inbound.length > 0 ? this.registerSenders(projectId, inbound) : new Map<string, string>(),
      this.ourMessages(projectId, referenced),
    ]);
    for (const [wamid, message] of await this.adoptBySendId(projectId, statuses.filter((update) => !ours.has(update.providerMessageId)))) ours.set(wamid, message);

    const events: IncomingEvent[] = inbound.map((message) => this.receivedEvent(message, userIdByPhone.get(message.from)!, ours));
    let ignored = 0;
    const unknown: WhatsAppStatusUpdate[] = [];
    for (const update of statuses) {
      const message = ours.get(update.providerMessageId);
      const event = whatsAppStatusEvent(update);
      if (!message && event) unknown.push(update);
      if (!message || !event) {
        ignored += 1;
        continue;
      }
      events.push({
        userId: message.external_id,
        name: event.name,
        attributes: storable({ ...event.attributes, messageId: message.id }),
        occurredAt: event.occurredAt,
        idempotencyKey: `wa-status:${update.providerMessageId}:${update.status}`,
      });
    }
    const { accepted, duplicates } = await this.ingest.ingest(projectId, events);
    return { stored: accepted - duplicates, duplicates, ignored, retryLater: await this.sendsInFlight(projectId, unknown) };
  }

  private receivedEvent(message: InboundWhatsAppMessage, userId: string, ours: Map<string, OurMessage>): IncomingEvent {
    const event = whatsAppReceivedEvent(message);
    const attributes: Record<string, unknown> = { ...event.attributes, wamid: message.messageId };
    // Types the parser does not know keep Meta's own name.
    if (message.type === 'unknown' && typeof message.raw['type'] === 'string' && message.raw['type'] !== '') attributes['type'] = message.raw['type'];
    const [error] = message.errors ?? [];
    if (error) {
      attributes['errorCode'] = error.code;
      const reason = error.details ?? error.message ?? error.title;
      if (reason) attributes['errorReason'] = reason;
    }
    // A reply to (or a button of) one of our messages points at it, as engagement events do.
    const repliedTo = message.context ? ours.get(message.context.messageId) : undefined;
    if (repliedTo) attributes['messageId'] = repliedTo.id;
    return { userId, name: event.name, attributes: storable(attributes), occurredAt: event.occurredAt, idempotencyKey: `wa:${message.messageId}` };
  }

  /**
   * The user id of each sender: the project's user with that phone number, or a new one whose id
   * is the number. Their last inbound time opens WhatsApp's 24-hour window for free-form text.
   */
  private async registerSenders(projectId: string, inbound: InboundWhatsAppMessage[]): Promise<Map<string, string>> {
    const lastInbound = new Map<string, number>();
    const now = Date.now();
    for (const message of inbound) {
      const at = Math.min(message.timestamp.getTime(), now);
      lastInbound.set(message.from, Math.max(at, lastInbound.get(message.from) ?? 0));
    }
    const phones = [...lastInbound.keys()];
    return this.dataSource.transaction(async (manager) => {
      const userIdByPhone = await this.usersByPhone(manager, projectId, phones);
      const unknown = phones.filter((phone) => !userIdByPhone.has(phone));
      for (const phone of unknown) userIdByPhone.set(phone, phone);
      await UserStore.recordInboundWhatsApp(
        manager,
        projectId,
        phones.map((phone) => ({ externalId: userIdByPhone.get(phone)!, at: new Date(lastInbound.get(phone)!) })),
        unknown,
      );
      return userIdByPhone;
    });
  }

  /** The oldest user of the project with each phone number. */
  private async usersByPhone(manager: EntityManager, projectId: string, phones: string[]): Promise<Map<string, string>> {
    const rows = await manager.query<Array<{ phone: string; external_id: string }>>(
      `SELECT DISTINCT ON (phone) phone, external_id FROM users WHERE project_id = $1 AND phone = ANY($2) ORDER BY phone, created_at, id`,
      [projectId, phones],
    );
    return new Map(rows.map((row) => [row.phone, row.external_id]));
  }

  /** Our WhatsApp messages with these Meta message ids, with their users. */
  private async ourMessages(projectId: string, wamids: string[]): Promise<Map<string, OurMessage>> {
    if (wamids.length === 0) return new Map();
    const rows = await this.dataSource.query<OurMessage[]>(
      `SELECT m.id, m.provider_message_id, u.external_id
         FROM messages m JOIN users u ON u.id = m.user_id
        WHERE m.channel = 'whatsapp' AND m.provider_message_id = ANY($2) AND m.project_id = $1`,
      [projectId, [...new Set(wamids)]],
    );
    return new Map(rows.map((row) => [row.provider_message_id, row]));
  }

  /**
   * Statuses of messages whose send was cut off before Meta's id was stored: the status carries our
   * message id (sent as `biz_opaque_callback_data`), so the message is found by it and given Meta's id.
   */
  private async adoptBySendId(projectId: string, updates: WhatsAppStatusUpdate[]): Promise<Map<string, OurMessage>> {
    const wamidBySendId = new Map(updates.flatMap((update) => (update.callbackData && UUID.test(update.callbackData) ? [[update.callbackData, update.providerMessageId] as const] : [])));
    if (wamidBySendId.size === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ id: string; external_id: string }>>(
      `SELECT m.id, u.external_id FROM messages m JOIN users u ON u.id = m.user_id
        WHERE m.id = ANY($2::uuid[]) AND m.project_id = $1 AND m.channel = 'whatsapp' AND m.provider_message_id IS NULL`,
      [projectId, [...wamidBySendId.keys()]],
    );
    const adopted = rows.map((row) => ({ ...row, provider_message_id: wamidBySendId.get(row.id)! }));
    await MessageStore.adoptProviderMessageIds(this.dataSource.manager, adopted.map((row) => ({ messageId: row.id, providerMessageId: row.provider_message_id })));
    return new Map(adopted.map((row) => [row.provider_message_id, row]));
  }

  /** Whether an unknown status may belong to a send still waiting for Meta's answer to be stored. */
  private async sendsInFlight(projectId: string, unknown: WhatsAppStatusUpdate[]): Promise<boolean> {
    const recent = unknown.filter((update) => Date.now() - update.timestamp.getTime() < SEND_IN_FLIGHT_SECONDS * 1000);
    if (recent.length === 0) return false;
    const [row] = await this.dataSource.query<Array<{ exists: boolean }>>(
      `SELECT EXISTS (
         SELECT 1 FROM messages m JOIN users u ON u.id = m.user_id
          WHERE m.project_id = $1 AND m.channel = 'whatsapp' AND m.provider_message_id IS NULL AND m.status IN ('queued', 'retrying')
            AND m.created_at > now() - make_interval(secs => $3) AND u.phone = ANY($2)
       ) AS exists`,
      [projectId, [...new Set(recent.map((update) => update.recipient))], SEND_IN_FLIGHT_SECONDS],
    );
    return row?.exists === true;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What users write is stored as jsonb, which refuses the NUL character and unpaired surrogates:
 * those are dropped or replaced rather than failing the whole webhook (Meta would redeliver it forever).
 */
function storable(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key, typeof value === 'string' ? value.replaceAll('\u0000', '').replace(/\p{Cs}/gu, '\uFFFD') : value]),
  );
}
