import { type Effect } from '@engine/journey';
import { type EntityManager } from 'typeorm';

export type SendEffect = Extract<Effect, { kind: 'send' }>;

/** What leaves a step's transaction: a send or a future timer. */
export interface NewOutboxRow {
  projectId: string;
  instanceId: string;
  effect: Effect;
  dueAt: Date;
}

export interface WrittenOutboxRow {
  id: string;
  instance_id: string;
  kind: Effect['kind'];
  effect: Effect;
  due_at: Date;
}

/** A send outbox row with its instance, locked for claiming. */
export interface OutboxSendRow {
  id: string;
  status: string;
  effect: SendEffect;
  project_id: string;
  instance_id: string;
  journey_id: string;
  version_id: string;
  user_id: string;
}

/** Effects of a stopped instance that would still reach the user; stopping cancels them. */
const USER_FACING_EFFECTS = ['send', 'schedule'];

/** The one writer of `outbox`. */
export const OutboxStore = {
  async insert(manager: EntityManager, rows: readonly NewOutboxRow[]): Promise<WrittenOutboxRow[]> {
    if (rows.length === 0) return [];
    return manager.query<WrittenOutboxRow[]>(
      `INSERT INTO outbox (project_id, instance_id, kind, effect, due_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[])
       RETURNING id, instance_id, kind, effect, due_at`,
      [
        rows.map((row) => row.projectId),
        rows.map((row) => row.instanceId),
        rows.map((row) => row.effect.kind),
        rows.map((row) => JSON.stringify(row.effect)),
        rows.map((row) => row.dueAt.toISOString()),
      ],
    );
  },

  /** Locks send rows (in id order, so concurrent claims cannot deadlock) and reads them with their instance. */
  async lockSends(manager: EntityManager, outboxIds: readonly string[]): Promise<OutboxSendRow[]> {
    return manager.query<OutboxSendRow[]>(
      `SELECT o.id, o.status, o.effect, o.project_id, o.instance_id, i.journey_id, i.version_id, i.user_id
         FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
        WHERE o.id = ANY($1::bigint[]) AND o.kind = 'send' ORDER BY o.id FOR UPDATE OF o`,
      [outboxIds],
    );
  },

  /** Closes rows whose work is finished (a send settled). */
  async markDone(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE outbox SET status = 'done', attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [ids]);
  },

  /** Closes timer rows a step consumed; a row cancelled meanwhile stays cancelled. */
  async markTimersFired(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE outbox SET status = 'done', attempts = attempts + 1 WHERE id = ANY($1::bigint[]) AND status = 'pending'`, [ids]);
  },

  async cancelTimers(manager: EntityManager, timers: ReadonlyArray<{ instanceId: string; timerId: string }>): Promise<void> {
    if (timers.length === 0) return;
    await manager.query(
      `UPDATE outbox SET status = 'cancelled' FROM unnest($1::uuid[], $2::text[]) AS v(instance_id, timer_id)
        WHERE outbox.instance_id = v.instance_id AND outbox.kind = 'schedule' AND outbox.status = 'pending'
          AND outbox.effect->>'timerId' = v.timer_id`,
      [timers.map((t) => t.instanceId), timers.map((t) => t.timerId)],
    );
  },

  /**
   * Cancels pending sends. A send already claimed (its message is on its way or being retried) is
   * past cancelling; the claim of a cancelled row sends nothing.
   */
  async cancelSends(manager: EntityManager, sends: ReadonlyArray<{ instanceId: string; idempotencyKey: string }>): Promise<void> {
    if (sends.length === 0) return;
    await manager.query(
      `UPDATE outbox SET status = 'cancelled' FROM unnest($1::uuid[], $2::text[]) AS v(instance_id, idempotency_key)
        WHERE outbox.instance_id = v.instance_id AND outbox.kind = 'send' AND outbox.status = 'pending'
          AND outbox.effect->>'idempotencyKey' = v.idempotency_key`,
      [sends.map((s) => s.instanceId), sends.map((s) => s.idempotencyKey)],
    );
  },

  /** Cancels the pending sends and timers of stopped instances. */
  async cancelForInstances(manager: EntityManager, instanceIds: readonly string[]): Promise<void> {
    if (instanceIds.length === 0) return;
    await manager.query(`UPDATE outbox SET status = 'cancelled' WHERE status = 'pending' AND kind = ANY($2) AND instance_id = ANY($1::uuid[])`, [
      instanceIds,
      USER_FACING_EFFECTS,
    ]);
  },

  /** A send whose retries ran out. */
  async markFailed(manager: EntityManager, outboxId: string, detail: string): Promise<void> {
    await manager.query(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`, [outboxId, detail]);
  },
};
