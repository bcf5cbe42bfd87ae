import { type EntityManager } from 'typeorm';

/** The validator's knownSegments for a project: the ids of its saved segments. */
export async function knownSegments(manager: EntityManager, projectId: string): Promise<readonly string[]> {
  const rows = await manager.query<Array<{ id: string }>>(`SELECT id FROM segments WHERE project_id = $1`, [projectId]);
  return rows.map((row) => row.id);
}
