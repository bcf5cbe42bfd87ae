import { appendStepEntries, STEP_LOG_LIMIT, type StepEntry } from '@engine/journey';
import { type EntityManager } from 'typeorm';
import { type InstanceStatus } from '../entities/journey-instance.entity';

/** Thrown when an instance changed under us despite the user lock; `inTransaction` retries the transaction. */
export class StaleInstanceError extends Error {
  constructor(expected: number, updated: number) {
    super(`Expected to update ${expected} instances, updated ${updated}: another writer moved one; retrying`);
  }
}

/** An instance as a step leaves it. */
export interface InstanceWrite {
  id: string;
  projectId: string;
  journeyId: string;
  versionId: string;
  userId: string;
  status: InstanceStatus;
  snapshot: unknown;
  currentNodeId: string;
  waitingFor: string[];
  timerId: string | null;
  enteredAt: Date;
  endedAt: Date | null;
  /** The `lock_version` the row had when it was loaded (ignored for new instances). */
  loadedLockVersion: number;
  /** Step log entries to append (the log keeps its last STEP_LOG_LIMIT entries). */
  newSteps: StepEntry[];
}

/** An instance as loaded for a step (without its step log, which a step only appends to). */
export interface InstanceRow {
  id: string;
  project_id: string;
  journey_id: string;
  version_id: string;
  user_id: string;
  status: InstanceStatus;
  snapshot: unknown;
  current_node_id: string;
  waiting_for: string[];
  timer_id: string | null;
  lock_version: number;
  entered_at: Date;
  ended_at: Date | null;
}

/**
 * The one writer of `journey_instances`. Every update is optimistic on `lock_version`: a row moved
 * by another writer since it was loaded (archiving, a second worker) makes the update throw
 * `StaleInstanceError`, and the whole step transaction is retried.
 */
export const InstanceStore = {
  /** The users' active instances. Run under the users' row locks. */
  async activeOf(manager: EntityManager, userIds: readonly string[]): Promise<InstanceRow[]> {
    return manager.query<InstanceRow[]>(
      `SELECT id, project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, waiting_for, timer_id, lock_version, entered_at, ended_at
         FROM journey_instances WHERE user_id = ANY($1) AND status = 'active'`,
      [userIds],
    );
  },

  async insert(manager: EntityManager, instances: readonly InstanceWrite[]): Promise<void> {
    if (instances.length === 0) return;
    const logs = instances.map((i) => appendStepEntries([], i.newSteps));
    await manager.query(
      `INSERT INTO journey_instances
         (id, project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, waiting_for, timer_id, entered_at, ended_at, steps, steps_dropped)
       SELECT v.id, v.project_id, v.journey_id, v.version_id, v.user_id, v.status, v.snapshot, v.current_node_id,
              ARRAY(SELECT jsonb_array_elements_text(v.waiting_for)), v.timer_id, v.entered_at, v.ended_at, v.steps, v.steps_dropped
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::text[], $9::jsonb[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::jsonb[], $14::int[])
           AS v(id, project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, waiting_for, timer_id, entered_at, ended_at, steps, steps_dropped)`,
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
        logs.map(({ log }) => JSON.stringify(log)),
        logs.map(({ dropped }) => dropped),
      ],
    );
  },

  /**
   * Writes the instances back, appending their new step log entries in the same statement (the log
   * keeps its last STEP_LOG_LIMIT entries and counts the dropped ones); throws `StaleInstanceError`
   * when any of them moved since it was loaded.
   */
  async update(manager: EntityManager, instances: readonly InstanceWrite[]): Promise<void> {
    if (instances.length === 0) return;
    const [, updated] = await manager.query<[unknown, number]>(
      `UPDATE journey_instances AS i
          SET status = v.status, snapshot = v.snapshot, current_node_id = v.current_node_id,
              waiting_for = ARRAY(SELECT jsonb_array_elements_text(v.waiting_for)), timer_id = v.timer_id,
              ended_at = v.ended_at, lock_version = i.lock_version + 1, updated_at = now(),
              steps = CASE WHEN jsonb_array_length(i.steps) + jsonb_array_length(v.steps) <= $9 THEN i.steps || v.steps
                           ELSE jsonb_path_query_array(i.steps || v.steps, ('$[last - ' || ($9 - 1) || ' to last]')::jsonpath) END,
              steps_dropped = i.steps_dropped + greatest(0, jsonb_array_length(i.steps) + jsonb_array_length(v.steps) - $9)
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::jsonb[], $5::text[], $6::jsonb[], $7::text[], $8::timestamptz[], $10::jsonb[])
           AS v(id, lock_version, status, snapshot, current_node_id, waiting_for, timer_id, ended_at, steps)
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
        STEP_LOG_LIMIT,
        instances.map((i) => JSON.stringify(i.newSteps)),
      ],
    );
    if (updated !== instances.length) throw new StaleInstanceError(instances.length, updated);
  },

  /**
   * Stops every active instance of a journey (archiving). Their lock_version is bumped, so a worker
   * mid-step cannot write an old snapshot back. Returns the stopped instances' ids.
   */
  async stopActiveOfJourney(manager: EntityManager, journeyId: string): Promise<string[]> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE journey_instances
          SET status = 'stopped', ended_at = now(), waiting_for = '{}', lock_version = lock_version + 1, updated_at = now(),
              steps = steps || jsonb_build_array(jsonb_build_object('kind', 'stopped', 'at', (extract(epoch FROM now()) * 1000)::bigint))
        WHERE journey_id = $1 AND status = 'active'
       RETURNING id`,
      [journeyId],
    );
    return rows.map((row) => row.id);
  },
};
