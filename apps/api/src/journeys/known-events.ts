import { BUILT_IN_EVENTS } from '@engine/journey';
import { type EntityManager } from 'typeorm';

/**
 * The event names the validator may take as spelled right: those the project has received, plus
 * the built-in ones. Undefined while it has received none, so a fresh project is not warned about
 * every event of its first journey.
 */
export async function knownEvents(manager: EntityManager, projectId: string): Promise<readonly string[] | undefined> {
  const rows = await manager.query<Array<{ name: string }>>(`SELECT name FROM project_event_names WHERE project_id = $1`, [projectId]);
  return rows.length === 0 ? undefined : [...rows.map((row) => row.name), ...BUILT_IN_EVENTS];
}
