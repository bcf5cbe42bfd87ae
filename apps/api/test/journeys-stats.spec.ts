import { whatsappKeywordJourney } from '@engine/journey';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';

// jest's asymmetric matchers are typed `any`; typed `unknown` they fit in expected objects.
const objectContaining = (value: object): unknown => expect.objectContaining(value);
const arrayContaining = (values: unknown[]): unknown => expect.arrayContaining(values);

interface NodeStats {
  nodeId: string;
  type: string | null;
  now: number;
  entered: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  failed: number;
  unknown: number;
  suppressed: number;
  conversions: number;
  waitingToSend: number;
  waitingForSilentHours: number;
  waitingForRetry: number;
  waitingInQueue: number;
}

const NOBODY_WAITING = { waitingToSend: 0, waitingForSilentHours: 0, waitingForRetry: 0, waitingInQueue: 0 };
const ZERO = { now: 0, entered: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, failed: 0, unknown: 0, suppressed: 0, conversions: 0, ...NOBODY_WAITING };

describe('GET /api/v1/journeys/:id/stats', () => {
  let t: TestApp;
  let journeyId: string;
  let versionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.approveDemoTemplates();
    const created = await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Keywords', graph: whatsappKeywordJourney }).expect(201);
    journeyId = (created.body as { id: string }).id;
    versionId = ((await t.http().post(`/api/v1/journeys/${journeyId}/publish`).set(t.auth).expect(201)).body as { id: string }).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const sql = (query: string, parameters: unknown[] = []) => t.db.dataSource.query<{ id: string }[]>(query, parameters);

  async function insertUser(externalId: string): Promise<string> {
    const [row] = await sql(`INSERT INTO users (project_id, external_id) VALUES ($1, $2) RETURNING id`, [t.projectId, externalId]);
    return row.id;
  }

  async function insertInstance(userId: string, status: string, nodeId: string, journey = journeyId, version = versionId): Promise<string> {
    const [row] = await sql(
      `INSERT INTO journey_instances (project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, ended_at)
       VALUES ($1, $2, $3, $4, $5, '{}', $6, CASE WHEN $5 = 'active' THEN NULL ELSE now() END) RETURNING id`,
      [t.projectId, journey, version, userId, status, nodeId],
    );
    return row.id;
  }

  let messageCount = 0;
  async function insertMessage(userId: string, nodeId: string, status: string, history: string[], journey = journeyId): Promise<void> {
    messageCount++;
    await sql(
      `INSERT INTO messages (project_id, user_id, journey_id, node_id, channel, status, status_history, idempotency_key)
       VALUES ($1, $2, $3, $4, 'whatsapp', $5, $6, $7)`,
      [
        t.projectId,
        userId,
        journey,
        nodeId,
        status,
        JSON.stringify(history.map((step) => ({ status: step, at: new Date().toISOString() }))),
        `test:${messageCount}`,
      ],
    );
  }

  it('counts per node and in total, as documented', async () => {
    const [u1, u2, u3, u4] = [await insertUser('u1'), await insertUser('u2'), await insertUser('u3'), await insertUser('u4')];
    const i1 = await insertInstance(u1, 'active', 'help-reply');
    await insertInstance(u2, 'active', 'help-reply');
    await insertInstance(u3, 'active', 'promo-reply');
    await insertInstance(u4, 'completed', 'exit-help');
    const i5 = await insertInstance(u1, 'converted', 'exit-promo');
    await insertInstance(u2, 'stopped', 'is-help');

    for (const [nodeId, entered] of [['entry', 6], ['is-help', 6], ['help-reply', 3], ['promo-reply', 2], ['exit-help', 1], ['old-node', 4]] as const) {
      await sql(`INSERT INTO journey_node_counters (journey_id, node_id, entered) VALUES ($1, $2, $3)`, [journeyId, nodeId, entered]);
    }

    await insertMessage(u1, 'help-reply', 'sent', ['queued', 'sent']);
    await insertMessage(u2, 'help-reply', 'delivered', ['queued', 'sent', 'delivered']);
    await insertMessage(u3, 'help-reply', 'read', ['queued', 'sent', 'delivered', 'read']);
    await insertMessage(u4, 'help-reply', 'failed', ['queued', 'failed']);
    await insertMessage(u4, 'help-reply', 'suppressed', ['suppressed']);
    // Cut off mid-send: counted apart from failures.
    await insertMessage(u3, 'help-reply', 'unknown', ['queued', 'unknown']);
    await insertMessage(u1, 'promo-reply', 'clicked', ['queued', 'sent', 'delivered', 'clicked']);
    // Status set without history still counts.
    await insertMessage(u2, 'promo-reply', 'delivered', []);
    await insertMessage(u3, 'promo-reply', 'failed', ['queued', 'sent', 'delivered', 'failed']);

    await sql(`INSERT INTO conversions (project_id, journey_id, instance_id, goal_id, node_id) VALUES ($1, $2, $3, 'purchase', 'promo-reply')`, [
      t.projectId,
      journeyId,
      i5,
    ]);
    for (const goal of ['purchase', 'signup']) {
      await sql(`INSERT INTO conversions (project_id, journey_id, instance_id, goal_id, node_id) VALUES ($1, $2, $3, $4, 'help-reply')`, [
        t.projectId,
        journeyId,
        i1,
        goal,
      ]);
    }

    // Rows of another journey never leak in.
    const other = await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Other', graph: whatsappKeywordJourney }).expect(201);
    const otherId = (other.body as { id: string }).id;
    const otherVersion = ((await t.http().post(`/api/v1/journeys/${otherId}/publish`).set(t.auth).expect(201)).body as { id: string }).id;
    await insertInstance(u1, 'active', 'help-reply', otherId, otherVersion);
    await insertMessage(u1, 'help-reply', 'clicked', ['clicked'], otherId);

    const response = await t.http().get(`/api/v1/journeys/${journeyId}/stats`).set(t.auth).expect(200);
    const body = response.body as { journeyId: string; nodes: NodeStats[]; totals: Record<string, number> };
    expect(body.journeyId).toBe(journeyId);
    expect(body.nodes).toEqual([
      { nodeId: 'entry', type: 'entry.event', ...ZERO, entered: 6 },
      { nodeId: 'is-help', type: 'branch.condition', ...ZERO, entered: 6 },
      {
        nodeId: 'help-reply',
        type: 'send.whatsapp',
        now: 2,
        entered: 3,
        sent: 5,
        delivered: 2,
        opened: 1,
        clicked: 0,
        failed: 1,
        unknown: 1,
        suppressed: 1,
        conversions: 2,
        ...NOBODY_WAITING,
      },
      { nodeId: 'exit-help', type: 'exit', ...ZERO, entered: 1 },
      { nodeId: 'is-promo', type: 'branch.condition', ...ZERO },
      {
        nodeId: 'promo-reply',
        type: 'send.whatsapp',
        now: 1,
        entered: 2,
        sent: 3,
        delivered: 3,
        opened: 1,
        clicked: 1,
        failed: 1,
        unknown: 0,
        suppressed: 0,
        conversions: 1,
        ...NOBODY_WAITING,
      },
      { nodeId: 'exit-promo', type: 'exit', ...ZERO },
      { nodeId: 'exit-other', type: 'exit', ...ZERO },
      // Known from history only (a node of an older version).
      { nodeId: 'old-node', type: null, ...ZERO, entered: 4 },
    ]);
    expect(body.totals).toEqual({ entered: 6, active: 3, completed: 1, converted: 1, stopped: 1, conversions: 3 });

    const list = await t.http().get('/api/v1/journeys?status=live').set(t.auth).expect(200);
    expect(list.body).toEqual(
      arrayContaining([
        objectContaining({ id: journeyId, liveVersionNumber: 1, activeUsers: 3, conversions: 3 }),
        objectContaining({ id: otherId, activeUsers: 1, conversions: 0 }),
      ]),
    );
  });

  it('answers zeros for a journey nobody entered', async () => {
    const created = await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Quiet' }).expect(201);
    const response = await t.http().get(`/api/v1/journeys/${(created.body as { id: string }).id}/stats`).set(t.auth).expect(200);
    expect(response.body).toMatchObject({
      nodes: [],
      totals: { entered: 0, active: 0, completed: 0, converted: 0, stopped: 0, conversions: 0 },
    });
  });

  it("answers 400 for a malformed id and 404 for another project's journey", async () => {
    await t.http().get('/api/v1/journeys/abc/stats').set(t.auth).expect(400);
    const other = await createProject(t.db.dataSource.manager, 'Other project');
    const response = await t.http().get(`/api/v1/journeys/${journeyId}/stats`).set({ Authorization: `Bearer ${other.apiKey}` }).expect(404);
    expect(response.body).toMatchObject({ message: `No journey "${journeyId}" in this project` });
  });
});
