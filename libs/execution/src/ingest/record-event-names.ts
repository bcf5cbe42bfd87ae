import { type EntityManager } from 'typeorm';

/**
 * Remembers the event names a project has received (the journey validator warns about names it
 * never did). Runs on every ingested batch, so a name seen within the hour is skipped before the
 * upsert: no row lock, no write. Names go in sorted so concurrent batches lock rows in one order.
 */
export async function recordEventNames(manager: EntityManager, projectId: string, names: string[]): Promise<void> {
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
}
