import { type Channel } from '@engine/journey';
import { type MessageStatus, type MessageStatusChange, type OutboxStatus } from '@engine/persistence';
import { explainSend } from '@engine/execution';
import { type StorySendDto } from './dto/user-story.response';

/** A send a step asked for (an outbox row of kind `send`). */
export interface SendRow {
  instance_id: string;
  idempotency_key: string;
  node_id: string;
  channel: Channel;
  status: OutboxStatus;
  due_at: Date;
  created_at: Date;
}

/** A message of the user. */
export interface MessageRow {
  id: string;
  instance_id: string | null;
  node_id: string | null;
  channel: Channel;
  status: MessageStatus;
  status_history: MessageStatusChange[];
  error: string | null;
  idempotency_key: string;
  created_at: Date;
}

/**
 * The sends of one instance: each send a step asked for with its message once claimed (matched by
 * idempotency key, `instance:node:visit`), and messages whose outbox row is gone; each explained
 * (why not sent). In the order asked for.
 */
export function assembleSends(sends: readonly SendRow[], messages: readonly MessageRow[], timeZone: string | null, now: number): StorySendDto[] {
  const messageByKey = new Map(messages.map((message) => [message.idempotency_key, message]));
  const matched = new Set<string>();
  const result: Array<StorySendDto & { order: number }> = sends.map((send) => {
    const message = messageByKey.get(`${send.instance_id}:${send.idempotency_key}`);
    if (message) matched.add(message.id);
    return {
      ...toSend(message, { channel: send.channel, nodeId: send.node_id, askedAt: send.created_at }, timeZone, now, { status: send.status, dueAt: send.due_at }),
      order: send.created_at.getTime(),
    };
  });
  for (const message of messages) {
    if (!matched.has(message.id)) result.push({ ...toSend(message, { channel: message.channel, nodeId: message.node_id, askedAt: message.created_at }, timeZone, now), order: message.created_at.getTime() });
  }
  return result.sort((a, b) => a.order - b.order).map(({ order: _order, ...send }) => send);
}

/** A message outside any journey, explained. */
export function toStorySend(message: MessageRow, timeZone: string | null, now: number): StorySendDto {
  return toSend(message, { channel: message.channel, nodeId: message.node_id, askedAt: message.created_at }, timeZone, now);
}

function toSend(
  message: MessageRow | undefined,
  asked: { channel: Channel; nodeId: string | null; askedAt: Date },
  timeZone: string | null,
  now: number,
  outbox?: { status: OutboxStatus; dueAt: Date },
): StorySendDto {
  const explanation = explainSend({
    ...(outbox === undefined ? {} : { outbox }),
    ...(message === undefined ? {} : { message: { status: message.status, error: message.error, statusHistory: message.status_history } }),
    timeZone,
    now,
  });
  return {
    messageId: message?.id ?? null,
    nodeId: asked.nodeId,
    channel: asked.channel,
    askedAt: asked.askedAt.toISOString(),
    status: message?.status ?? null,
    statusHistory: message?.status_history ?? [],
    ...explanation,
  };
}
