import { knownEventsFromReceived } from '@engine/journey';
import { type EntityManager } from 'typeorm';

/** The validator's knownEvents for a project: see knownEventsFromReceived. */
export async function knownEvents(manager: EntityManager, projectId: string): Promise<readonly string[] | undefined> {
  const rows = await manager.query<Array<{ name: string }>>(`SELECT name FROM project_event_names WHERE project_id = $1`, [projectId]);
  return knownEventsFromReceived(rows.map((row) => row.name));
}
