import { type EntityManager } from 'typeorm';

/**
 * Internal ids of users known by the customer's ids, creating the unknown ones (events and API
 * entries may name users nobody upserted yet). New users are inserted in id order, the order
 * every writer of users uses: two batches creating the same users in opposite orders would each
 * wait on the other's uncommitted rows (a deadlock).
 */
export async function ensureUsers(manager: EntityManager, projectId: string, externalIds: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(externalIds)].sort(compareUserIds);
  await manager.query(
    `INSERT INTO users (project_id, external_id) SELECT $1, unnest($2::text[]) ON CONFLICT (project_id, external_id) DO NOTHING`,
    [projectId, distinct],
  );
  const users = await manager.query<Array<{ id: string; external_id: string }>>(
    `SELECT id, external_id FROM users WHERE project_id = $1 AND external_id = ANY($2)`,
    [projectId, distinct],
  );
  return new Map(users.map((user) => [user.external_id, user.id]));
}

/** Code-unit order of customer user ids: the one lock order for writers of user rows. */
export function compareUserIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
