import { type EntityManager } from 'typeorm';
import { type MessageStatus, type MessageStatusChange } from '../entities/message.entity';

/** A message as a claim finds it under its idempotency key. */
export interface ClaimedMessage {
  id: string;
  idempotency_key: string;
  status: MessageStatus;
  status_history: MessageStatusChange[];
  content: Record<string, unknown>;
}

/** A message row a claim creates: queued to be sent, or settled as not sent. */
export interface NewMessage {
  projectId: string;
  userId: string;
  journeyId: string;
  instanceId: string;
  nodeId: string;
  visit: number;
  channel: string;
  provider: string;
  status: MessageStatus;
  history: MessageStatusChange[];
  idempotencyKey: string;
  content: Record<string, unknown>;
  error: string | null;
}

/** What the provider answered for one message. */
export interface ProviderAnswer {
  messageId: string;
  status: MessageStatus;
  change: MessageStatusChange;
  providerMessageId: string | null;
  error: string | null;
}

/** An engagement status reported for a message (delivered, opened...). */
export interface EngagementStatus {
  messageId: string;
  status: string;
  at: Date;
  /** Why it failed, as the provider said it; kept on the row's `error` when it fails. */
  detail?: string;
}

/** Order in which engagement statuses supersede each other. */
const STATUS_RANK = ['queued', 'sent', 'delivered', 'read', 'opened', 'clicked'];

/**
 * The one writer of `messages`. A message is written at three moments: claimed (inserted under
 * its idempotency key, queued or settled as not sent), answered by its provider (sent, failed,
 * `retrying` until its next attempt; or failed for good after its last retry), and engaged with (delivered, opened...).
 */
export const MessageStore = {
  async byIdempotencyKeys(manager: EntityManager, keys: readonly string[]): Promise<Map<string, ClaimedMessage>> {
    if (keys.length === 0) return new Map();
    const rows = await manager.query<ClaimedMessage[]>(
      `SELECT id, idempotency_key, status, status_history, content FROM messages WHERE idempotency_key = ANY($1)`,
      [keys],
    );
    return new Map(rows.map((message) => [message.idempotency_key, message]));
  },

  /**
   * Per user, their messages on these channels created since `since` that a frequency cap counts
   * (everything but failed and suppressed ones). Users without any are left out.
   */
  async countTowardsCap(manager: EntityManager, userIds: readonly string[], channels: readonly string[], since: Date): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ user_id: string; count: number }>>(
      `SELECT user_id, count(*)::int AS count FROM messages
        WHERE user_id = ANY($1) AND channel = ANY($2) AND created_at > $3 AND status NOT IN ('failed', 'suppressed')
        GROUP BY user_id`,
      [userIds, channels, since],
    );
    return new Map(rows.map((row) => [row.user_id, row.count]));
  },

  /** Inserts claimed messages; returns their ids by idempotency key. */
  async insert(manager: EntityManager, messages: readonly NewMessage[]): Promise<Map<string, string>> {
    if (messages.length === 0) return new Map();
    const inserted = await manager.query<Array<{ id: string; idempotency_key: string }>>(
      `INSERT INTO messages (project_id, user_id, journey_id, instance_id, node_id, visit, channel, provider, status, status_history, idempotency_key, content, error)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::jsonb[], $13::text[])
       RETURNING id, idempotency_key`,
      [
        messages.map((m) => m.projectId),
        messages.map((m) => m.userId),
        messages.map((m) => m.journeyId),
        messages.map((m) => m.instanceId),
        messages.map((m) => m.nodeId),
        messages.map((m) => m.visit),
        messages.map((m) => m.channel),
        messages.map((m) => m.provider),
        messages.map((m) => m.status),
        messages.map((m) => JSON.stringify(m.history)),
        messages.map((m) => m.idempotencyKey),
        messages.map((m) => JSON.stringify(m.content)),
        messages.map((m) => m.error),
      ],
    );
    return new Map(inserted.map((row) => [row.idempotency_key, row.id]));
  },

  /**
   * The messages of cancelled sends (their instance ended) that were waiting for a retry: not sent
   * on purpose, with the reason. A message in any other status is left as it is: queued means an
   * attempt may be at the provider now, and a settled one is settled.
   */
  async cancelRetrying(manager: EntityManager, sends: ReadonlyArray<{ instanceId: string; idempotencyKey: string }>, reason: string): Promise<void> {
    if (sends.length === 0) return;
    await manager.query(
      `UPDATE messages m SET status = 'suppressed', error = $3,
              status_history = m.status_history || jsonb_build_array(jsonb_build_object('status', 'suppressed', 'at', now(), 'detail', $3::text)), updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(instance_id, idempotency_key)
        WHERE m.idempotency_key = v.instance_id::text || ':' || v.idempotency_key AND m.status = 'retrying'`,
      [sends.map((s) => s.instanceId), sends.map((s) => s.idempotencyKey), reason],
    );
  },

  /** Marks messages failed with one reason (e.g. a send cut off by a crash, never repeated). */
  /** Sends cut off between the provider call and the recording of its answer: their outcome is unknown. */
  async markUnknown(manager: EntityManager, ids: readonly string[], reason: string, at: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE messages SET status = 'unknown', error = $2, status_history = status_history || $3::jsonb, updated_at = now() WHERE id = ANY($1)`,
      [ids, reason, JSON.stringify([{ status: 'unknown', at: at.toISOString(), detail: reason }])],
    );
  },

  /**
   * Gives messages sent without their provider id recorded (a send cut off mid-way) the id the
   * provider reported for them later; a message that has one keeps it.
   */
  async adoptProviderMessageIds(manager: EntityManager, pairs: ReadonlyArray<{ messageId: string; providerMessageId: string }>): Promise<void> {
    if (pairs.length === 0) return;
    await manager.query(
      `UPDATE messages AS m SET provider_message_id = v.provider_message_id, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, provider_message_id)
        WHERE m.id = v.id AND m.provider_message_id IS NULL`,
      [pairs.map((pair) => pair.messageId), pairs.map((pair) => pair.providerMessageId)],
    );
  },

  /** Records the providers' answers: status, one history entry, provider message id, error. */
  async recordProviderAnswers(manager: EntityManager, answers: readonly ProviderAnswer[]): Promise<void> {
    if (answers.length === 0) return;
    await manager.query(
      `UPDATE messages AS m SET status = v.status, status_history = m.status_history || jsonb_build_array(v.change),
              provider_message_id = coalesce(v.provider_message_id, m.provider_message_id), error = v.error, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::text[]) AS v(id, status, change, provider_message_id, error)
        WHERE m.id = v.id`,
      [
        answers.map((a) => a.messageId),
        answers.map((a) => a.status),
        answers.map((a) => JSON.stringify(a.change)),
        answers.map((a) => a.providerMessageId),
        answers.map((a) => a.error),
      ],
    );
  },

  /**
   * The message of a pending send outbox row, still waiting for a retry (or cut off mid-send), marked failed for good.
   * Returns its id, or nothing when there is no such message (already settled, or never claimed).
   */
  async failWaitingRetry(manager: EntityManager, outboxId: string, detail: string): Promise<string[]> {
    // An UPDATE answers [rows, affected count] through TypeORM.
    const [failed] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE messages m SET status = 'failed', error = $2, status_history = m.status_history || jsonb_build_array(jsonb_build_object('status', 'failed', 'at', now(), 'detail', $2::text)), updated_at = now()
         FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
        WHERE o.id = $1 AND o.kind = 'send' AND o.status = 'pending'
          AND m.idempotency_key = i.id::text || ':' || (o.effect->>'idempotencyKey') AND m.status IN ('queued', 'retrying')
        RETURNING m.id`,
      [outboxId, detail],
    );
    return failed.map((row) => row.id);
  },

  /** Appends engagement statuses; the status field only moves forward (opened never goes back to delivered). */
  async appendEngagement(manager: EntityManager, statuses: readonly EngagementStatus[]): Promise<void> {
    if (statuses.length === 0) return;
    const byMessage = new Map<string, { best: string; error: string | null; history: Array<{ status: string; at: string; detail?: string }> }>();
    for (const change of statuses) {
      const entry = byMessage.get(change.messageId) ?? { best: change.status, error: null, history: [] };
      if (STATUS_RANK.indexOf(change.status) > STATUS_RANK.indexOf(entry.best)) entry.best = change.status;
      if (change.status === 'failed' && change.detail !== undefined) entry.error = change.detail;
      entry.history.push({ status: change.status, at: change.at.toISOString(), ...(change.detail === undefined ? {} : { detail: change.detail }) });
      byMessage.set(change.messageId, entry);
    }
    await manager.query(
      `UPDATE messages AS m
          SET status = CASE
                WHEN v.status = 'failed' AND m.status IN ('queued', 'retrying', 'unknown', 'sent') THEN 'failed'
                WHEN array_position($4::text[], v.status) > coalesce(array_position($4::text[], m.status), 0) THEN v.status
                ELSE m.status END,
              error = CASE WHEN v.error IS NOT NULL AND (v.status = 'failed' OR m.status = 'failed') THEN v.error ELSE m.error END,
              status_history = m.status_history || v.history, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $5::text[]) AS v(id, status, history, error)
        WHERE m.id = v.id`,
      [
        [...byMessage.keys()],
        [...byMessage.values()].map((e) => e.best),
        [...byMessage.values()].map((e) => JSON.stringify(e.history)),
        STATUS_RANK,
        [...byMessage.values()].map((e) => e.error),
      ],
    );
  },
};
