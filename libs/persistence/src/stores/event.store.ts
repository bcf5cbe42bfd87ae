import { type EntityManager } from 'typeorm';
import { EventEntity } from '../entities/event.entity';

/** An event to store, its user already resolved to an internal id. */
export interface NewEvent {
  userId: string;
  name: string;
  attributes: Record<string, unknown>;
  occurredAt: Date;
  idempotencyKey: string | null;
}

/** The one writer of `events`, `project_event_names`, `project_event_counts` and `project_event_attributes` (the events catalogue). */
export const EventStore = {
  /** Stores events; one whose idempotency key the project has seen is skipped. Returns the stored events' users. */
  async insert(manager: EntityManager, projectId: string, events: readonly NewEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const stored = await manager.query<Array<{ user_id: string }>>(
      `INSERT INTO events (project_id, user_id, name, attributes, occurred_at, idempotency_key)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::text[])
       ON CONFLICT (project_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING user_id`,
      [
        projectId,
        events.map((event) => event.userId),
        events.map((event) => event.name),
        events.map((event) => JSON.stringify(event.attributes)),
        events.map((event) => event.occurredAt.toISOString()),
        events.map((event) => event.idempotencyKey),
      ],
    );
    return stored.map((row) => row.user_id);
  },

  /** The users' events not yet processed, in id order. Run under the users' row locks. */
  async unprocessedOf(manager: EntityManager, userIds: readonly string[]): Promise<EventEntity[]> {
    return manager
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .where('e.user_id = ANY(:ids)', { ids: userIds })
      .andWhere('e.processed_at IS NULL')
      .orderBy('e.id')
      .getMany();
  },

  async markProcessed(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE events SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  },

  /**
   * Remembers the event names a project has received (the journey validator warns about names it
   * never did). Runs on every ingested batch, so a name seen within the hour is skipped before the
   * upsert: no row lock, no write. Names go in sorted so concurrent batches lock rows in one order.
   */
  async recordNames(manager: EntityManager, projectId: string, names: readonly string[]): Promise<void> {
    await manager.query(
      `INSERT INTO project_event_names (project_id, name, first_seen_at, last_seen_at)
       SELECT $1, batch.name, now(), now()
         FROM (SELECT DISTINCT unnest($2::text[]) AS name) batch
        WHERE NOT EXISTS (SELECT 1 FROM project_event_names seen
                           WHERE seen.project_id = $1 AND seen.name = batch.name AND seen.last_seen_at >= now() - interval '1 hour')
        ORDER BY batch.name
       ON CONFLICT (project_id, name) DO UPDATE SET last_seen_at = excluded.last_seen_at
        WHERE project_event_names.last_seen_at < excluded.last_seen_at - interval '1 hour'`,
      [projectId, names],
    );
  },

  /**
   * Adds one ingested batch to the events catalogue in ONE statement: counts per name
   * (`project_event_counts`; the name rows stay recordNames's, refreshed hourly), and counts and
   * last-seen per (name, attribute, type). Rows go in sorted (the caller sorts), so concurrent
   * batches lock them in one order; run it outside the ingestion transaction so the locks are brief.
   */
  async recordCatalogue(
    manager: EntityManager,
    projectId: string,
    summary: { names: ReadonlyArray<{ name: string; count: number }>; attributes: ReadonlyArray<{ name: string; attribute: string; type: string; count: number }> },
  ): Promise<void> {
    if (summary.names.length === 0) return;
    await manager.query(
      `WITH names AS (
         INSERT INTO project_event_counts AS seen (project_id, name, count)
         SELECT $1, name, count FROM unnest($2::text[], $3::bigint[]) AS batch(name, count)
         ON CONFLICT (project_id, name) DO UPDATE SET count = seen.count + excluded.count
       )
       INSERT INTO project_event_attributes AS seen (project_id, event_name, attribute, type, count, first_seen_at, last_seen_at)
       SELECT $1, name, attribute, type, count, now(), now() FROM unnest($4::text[], $5::text[], $6::text[], $7::bigint[]) AS batch(name, attribute, type, count)
       ON CONFLICT (project_id, event_name, attribute, type) DO UPDATE SET count = seen.count + excluded.count, last_seen_at = excluded.last_seen_at`,
      [
        projectId,
        summary.names.map((row) => row.name),
        summary.names.map((row) => row.count),
        summary.attributes.map((row) => row.name),
        summary.attributes.map((row) => row.attribute),
        summary.attributes.map((row) => row.type),
        summary.attributes.map((row) => row.count),
      ],
    );
  },
};
