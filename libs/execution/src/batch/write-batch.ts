import { type Effect } from '@engine/journey';
import { SendOutcomeStore } from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { type LoadedBatch } from './apply-inputs';
import { type BatchWrites, type InstanceState } from './batch-state';

/** Thrown when an instance changed under us despite the user lock; the batch transaction retries. */
export class StaleInstanceError extends Error {
  constructor(expected: number, updated: number) {
    super(`Expected to update ${expected} instances, updated ${updated}: another writer moved one; retrying`);
  }
}

export interface WrittenOutboxRow {
  id: string;
  instance_id: string;
  kind: Effect['kind'];
  effect: Effect;
  due_at: Date;
}

const STATUS_RANK = ['queued', 'sent', 'delivered', 'read', 'opened', 'clicked'];

/**
 * Writes a batch's results with a handful of set-based statements (arrays through `unnest`), so the
 * cost per step stays small however many steps a batch holds. Returns the outbox rows to enqueue.
 */
export async function writeBatch(manager: EntityManager, batch: LoadedBatch, writes: BatchWrites): Promise<WrittenOutboxRow[]> {
  const users = [...batch.users.values()];
  const changedTags = users.filter((user) => user.tagsChanged);
  if (changedTags.length > 0) {
    await manager.query(
      `UPDATE users SET tags = v.tags, updated_at = now()
         FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, tags) WHERE users.id = v.id`,
      [changedTags.map((user) => user.row.id), changedTags.map((user) => JSON.stringify(user.facts.tags))],
    );
  }

  const instances = users.flatMap((user) => user.instances).filter((instance) => instance.dirty);
  await insertInstances(manager, instances.filter((instance) => instance.isNew));
  await updateInstances(manager, instances.filter((instance) => !instance.isNew));

  const outbox = writes.outbox.length
    ? await manager.query<WrittenOutboxRow[]>(
        `INSERT INTO outbox (project_id, instance_id, kind, effect, due_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[])
         RETURNING id, instance_id, kind, effect, due_at`,
        [
          writes.outbox.map((row) => row.projectId),
          writes.outbox.map((row) => row.instanceId),
          writes.outbox.map((row) => row.effect.kind),
          writes.outbox.map((row) => JSON.stringify(row.effect)),
          writes.outbox.map((row) => row.dueAt.toISOString()),
        ],
      )
    : [];

  if (writes.conversions.length > 0) {
    await manager.query(
      `INSERT INTO conversions (project_id, journey_id, instance_id, goal_id, node_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
       ON CONFLICT (instance_id, goal_id) DO NOTHING`,
      [
        writes.conversions.map((c) => c.projectId),
        writes.conversions.map((c) => c.journeyId),
        writes.conversions.map((c) => c.instanceId),
        writes.conversions.map((c) => c.goalId),
        writes.conversions.map((c) => c.nodeId),
      ],
    );
  }

  if (writes.processedEventIds.length > 0) {
    await manager.query(`UPDATE events SET processed_at = now() WHERE id = ANY($1::bigint[])`, [writes.processedEventIds]);
  }
  if (writes.consumedTimerOutboxIds.length > 0) {
    await manager.query(`UPDATE outbox SET status = 'done', attempts = attempts + 1 WHERE id = ANY($1::bigint[]) AND status = 'pending'`, [
      writes.consumedTimerOutboxIds,
    ]);
  }
  if (writes.cancelledTimers.length > 0) {
    await manager.query(
      `UPDATE outbox SET status = 'cancelled' FROM unnest($1::uuid[], $2::text[]) AS v(instance_id, timer_id)
        WHERE outbox.instance_id = v.instance_id AND outbox.kind = 'schedule' AND outbox.status = 'pending'
          AND outbox.effect->>'timerId' = v.timer_id`,
      [writes.cancelledTimers.map((t) => t.instanceId), writes.cancelledTimers.map((t) => t.timerId)],
    );
  }
  if (writes.cancelledSends.length > 0) {
    // A send already claimed (its message is on its way or being retried) is past cancelling; the
    // claim of a cancelled row sends nothing.
    await manager.query(
      `UPDATE outbox SET status = 'cancelled' FROM unnest($1::uuid[], $2::text[]) AS v(instance_id, idempotency_key)
        WHERE outbox.instance_id = v.instance_id AND outbox.kind = 'send' AND outbox.status = 'pending'
          AND outbox.effect->>'idempotencyKey' = v.idempotency_key`,
      [writes.cancelledSends.map((s) => s.instanceId), writes.cancelledSends.map((s) => s.idempotencyKey)],
    );
  }
  await SendOutcomeStore.markApplied(manager, writes.appliedOutcomeIds);
  await writeMessageStatuses(manager, writes.messageStatuses);
  // Last: every batch of a journey adds to the same few counter rows, so their locks are held for
  // the shortest time (until the commit right after this), and taken in one order so that two
  // batches wait for each other instead of deadlocking.
  await addToNodeCounters(manager, writes.counters);
  return outbox;
}

async function addToNodeCounters(manager: EntityManager, counters: BatchWrites['counters']): Promise<void> {
  if (counters.size === 0) return;
  const rows = [...counters].map(([key, count]) => ({ key: key.split('\u0000') as [string, string], count })).sort((a, b) => compareKeys(a.key, b.key));
  await manager.query(
    `INSERT INTO journey_node_counters (journey_id, node_id, entered, completed)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[])
     ON CONFLICT (journey_id, node_id) DO UPDATE
       SET entered = journey_node_counters.entered + excluded.entered,
           completed = journey_node_counters.completed + excluded.completed`,
    [rows.map(({ key }) => key[0]), rows.map(({ key }) => key[1]), rows.map(({ count }) => count.entered), rows.map(({ count }) => count.completed)],
  );
}

/** Code-unit order of (journey id, node id): the same order in every batch. */
function compareKeys(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

async function insertInstances(manager: EntityManager, instances: InstanceState[]): Promise<void> {
  if (instances.length === 0) return;
  await manager.query(
    `INSERT INTO journey_instances
       (id, project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, waiting_for, timer_id, entered_at, ended_at)
     SELECT v.id, v.project_id, v.journey_id, v.version_id, v.user_id, v.status, v.snapshot, v.current_node_id,
            ARRAY(SELECT jsonb_array_elements_text(v.waiting_for)), v.timer_id, v.entered_at, v.ended_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::text[], $9::jsonb[], $10::text[], $11::timestamptz[], $12::timestamptz[])
         AS v(id, project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, waiting_for, timer_id, entered_at, ended_at)`,
    [
      instances.map((i) => i.id),
      instances.map((i) => i.projectId),
      instances.map((i) => i.journeyId),
      instances.map((i) => i.versionId),
      instances.map((i) => i.userId),
      instances.map((i) => i.status),
      instances.map((i) => JSON.stringify(i.snapshot)),
      instances.map((i) => i.currentNodeId),
      instances.map((i) => JSON.stringify(i.waitingFor)),
      instances.map((i) => i.timerId),
      instances.map((i) => i.enteredAt.toISOString()),
      instances.map((i) => i.endedAt?.toISOString() ?? null),
    ],
  );
}

async function updateInstances(manager: EntityManager, instances: InstanceState[]): Promise<void> {
  if (instances.length === 0) return;
  const [, updated] = await manager.query<[unknown, number]>(
    `UPDATE journey_instances AS i
        SET status = v.status, snapshot = v.snapshot, current_node_id = v.current_node_id,
            waiting_for = ARRAY(SELECT jsonb_array_elements_text(v.waiting_for)), timer_id = v.timer_id,
            ended_at = v.ended_at, lock_version = i.lock_version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::jsonb[], $5::text[], $6::jsonb[], $7::text[], $8::timestamptz[])
         AS v(id, lock_version, status, snapshot, current_node_id, waiting_for, timer_id, ended_at)
      WHERE i.id = v.id AND i.lock_version = v.lock_version`,
    [
      instances.map((i) => i.id),
      instances.map((i) => i.loadedLockVersion),
      instances.map((i) => i.status),
      instances.map((i) => JSON.stringify(i.snapshot)),
      instances.map((i) => i.currentNodeId),
      instances.map((i) => JSON.stringify(i.waitingFor)),
      instances.map((i) => i.timerId),
      instances.map((i) => i.endedAt?.toISOString() ?? null),
    ],
  );
  if (updated !== instances.length) throw new StaleInstanceError(instances.length, updated);
}

/** Appends engagement statuses to messages; the status field only moves forward (opened never goes back to delivered). */
async function writeMessageStatuses(manager: EntityManager, statuses: BatchWrites['messageStatuses']): Promise<void> {
  if (statuses.length === 0) return;
  const byMessage = new Map<string, { best: string; history: Array<{ status: string; at: string }> }>();
  for (const change of statuses) {
    const entry = byMessage.get(change.messageId) ?? { best: change.status, history: [] };
    if (STATUS_RANK.indexOf(change.status) > STATUS_RANK.indexOf(entry.best)) entry.best = change.status;
    entry.history.push({ status: change.status, at: change.at.toISOString() });
    byMessage.set(change.messageId, entry);
  }
  await manager.query(
    `UPDATE messages AS m
        SET status = CASE
              WHEN v.status = 'failed' AND m.status IN ('queued', 'sent') THEN 'failed'
              WHEN array_position($4::text[], v.status) > coalesce(array_position($4::text[], m.status), 0) THEN v.status
              ELSE m.status END,
            status_history = m.status_history || v.history, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS v(id, status, history)
      WHERE m.id = v.id`,
    [[...byMessage.keys()], [...byMessage.values()].map((e) => e.best), [...byMessage.values()].map((e) => JSON.stringify(e.history)), STATUS_RANK],
  );
}
