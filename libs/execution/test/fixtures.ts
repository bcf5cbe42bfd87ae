import { randomUUID } from 'node:crypto';
import { type JourneyGraph, omnichannelFallbackJourney } from '@engine/journey';
import { type TestDatabase } from '@engine/persistence/testing';

/** The seed's omnichannel journey with engagement windows short enough for a test, and no silent hours. */
export function shortOmnichannelJourney(window = '2s'): JourneyGraph {
  const graph = structuredClone(omnichannelFallbackJourney);
  for (const node of graph.nodes) if (node.type === 'branch.engagement') node.data.window = window;
  const { silentHours: _silent, ...settings } = graph.settings;
  return { ...graph, settings: { ...settings, reentry: { mode: 'afterExit' } } };
}

/** A user reachable on every channel. */
export async function createReachableUser(db: TestDatabase, projectId: string, externalId = `user-${randomUUID().slice(0, 8)}`): Promise<{ id: string; externalId: string }> {
  const [row] = await db.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO users (project_id, external_id, email, phone, push_tokens, time_zone)
     VALUES ($1, $2, $3, '+4915112345678', $4, 'Europe/Berlin') RETURNING id`,
    [projectId, externalId, `${externalId}@example.com`, JSON.stringify([{ token: `tok-${externalId}`, platform: 'android', addedAt: new Date().toISOString() }])],
  );
  return { id: row.id, externalId };
}

export interface MessageRow {
  id: string;
  node_id: string;
  channel: string;
  status: string;
  content: Record<string, unknown>;
}

export async function messagesOf(db: TestDatabase, userId: string): Promise<MessageRow[]> {
  return db.dataSource.query<MessageRow[]>(`SELECT id, node_id, channel, status, content FROM messages WHERE user_id = $1 ORDER BY created_at, node_id`, [userId]);
}

export async function instancesOf(db: TestDatabase, userId: string): Promise<Array<{ id: string; status: string; current_node_id: string }>> {
  return db.dataSource.query(`SELECT id, status, current_node_id FROM journey_instances WHERE user_id = $1 ORDER BY entered_at`, [userId]);
}

/** A node for test graphs, laid out left to right. */
export const node = (id: string, type: string, data: object, x: number) => ({ id, type, data, position: { x, y: 0 } }) as JourneyGraph['nodes'][number];

/** An edge for test graphs; its id is unique per source handle. */
export const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });
