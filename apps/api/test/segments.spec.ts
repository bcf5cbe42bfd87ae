import { type JourneyGraph } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { startTestApp, type TestApp } from './test-app';

interface SegmentBody {
  id: string;
  name: string;
  description: string;
  condition: unknown;
  usedBy: Array<{ id: string; name: string; status: string }>;
}

interface Problems {
  message: string[];
}
interface UsersPage {
  users: Array<{ externalId: string }>;
  nextAfter: string | null;
}

const orderedAsian = { history: { event: 'Order', where: { field: 'event.cuisine', op: 'eq', value: 'asian' }, within: '90d' } };

/** Segment entry -> branch "in segment" -> exit, both ways. */
function sushiJourney(segmentId: string): JourneyGraph {
  return {
    formatVersion: 1,
    nodes: [
      { id: 'entry', type: 'entry.segment', data: { segment: { segment: segmentId } }, position: { x: 0, y: 0 } },
      { id: 'check', type: 'branch.condition', data: { condition: { segment: segmentId } }, position: { x: 250, y: 0 } },
      { id: 'yes', type: 'exit', data: {}, position: { x: 500, y: 0 } },
      { id: 'no', type: 'exit', data: {}, position: { x: 500, y: 200 } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'check' },
      { id: 'e2', source: 'check', sourceHandle: 'yes', target: 'yes' },
      { id: 'e3', source: 'check', sourceHandle: 'no', target: 'no' },
    ],
    settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
  };
}

describe('segments', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ execution: { runWorkers: true } });
    await t.http().post('/api/v1/events').set(t.auth).send({
      events: [
        { userId: 'anna', name: 'Order', attributes: { cuisine: 'asian' } },
        { userId: 'bob', name: 'Order', attributes: { cuisine: 'italian' } },
        { userId: 'chen', name: 'Order', attributes: { cuisine: 'asian' } },
        { userId: 'chen', name: 'Signup' },
        { userId: 'dora', name: 'Signup' },
      ],
    }).expect(202);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: object) => t.http().post('/api/v1/segments').set(t.auth).send(body);

  it('previews a condition: the count and a sample of matching users', async () => {
    const preview = (await t.http().post('/api/v1/segments/preview').set(t.auth).send({ condition: orderedAsian }).expect(200)).body as { count: number; sample: Array<{ externalId: string }> };
    expect(preview.count).toBe(2);
    expect(preview.sample.map((user) => user.externalId).sort()).toEqual(['anna', 'chen']);
  });

  it('refuses a bad condition with 422 naming its path', async () => {
    const unknownOp = await create({ name: 'Bad', condition: { and: [{ field: 'tags.plan', op: 'like', value: 'x' }] } }).expect(422);
    expect((unknownOp.body as Problems).message).toEqual([expect.stringMatching(/^condition\.and\[0\]\.op must be one of/)]);
    const eventField = await t.http().post('/api/v1/segments/preview').set(t.auth).send({ condition: { field: 'event.text', op: 'exists' } }).expect(422);
    expect((eventField.body as Problems).message).toEqual([expect.stringMatching(/^condition\.field: event\.text is an attribute of an event/)]);
    const badRoot = await create({ name: 'Bad', condition: { field: 'profile.plan', op: 'exists' } }).expect(422);
    expect((badRoot.body as Problems).message[0]).toMatch(/^condition\.field must be a field path/);
    const backReference = await create({ name: 'Bad', condition: { field: 'tags.plan', op: 'matches', value: '/(a)\\1/' } }).expect(422);
    expect((backReference.body as Problems).message[0]).toMatch(/^condition\.value: the pattern/);
    const missing = await create({ name: 'Bad', condition: { segment: '00000000-0000-4000-8000-000000000000' } }).expect(422);
    expect((missing.body as Problems).message).toEqual(['condition: segment 00000000-0000-4000-8000-000000000000 does not exist']);
    expect(await t.db.dataSource.query(`SELECT * FROM segments WHERE project_id = $1`, [t.projectId])).toEqual([]);
  });

  it('saves, lists, edits, pages through and deletes a segment; names are unique', async () => {
    const saved = (await create({ name: 'Asian food', description: '90 days', condition: orderedAsian }).expect(201)).body as SegmentBody;
    await create({ name: 'Asian food', condition: orderedAsian }).expect(409);
    expect(((await t.http().get('/api/v1/segments').set(t.auth).expect(200)).body as SegmentBody[]).map((s) => s.name)).toEqual(['Asian food']);
    const first = (await t.http().get(`/api/v1/segments/${saved.id}/users?limit=1`).set(t.auth).expect(200)).body as UsersPage;
    expect(first.users).toHaveLength(1);
    const second = (await t.http().get(`/api/v1/segments/${saved.id}/users?limit=1&after=${first.nextAfter}`).set(t.auth).expect(200)).body as UsersPage;
    expect([first.users[0].externalId, second.users[0].externalId].sort()).toEqual(['anna', 'chen']);
    await t.http().get(`/api/v1/segments/${saved.id}/users?limit=0`).set(t.auth).expect(400);
    const edited = await t.http().patch(`/api/v1/segments/${saved.id}`).set(t.auth).send({ condition: { history: { event: 'Signup' } } }).expect(200);
    expect((edited.body as SegmentBody).condition).toEqual({ history: { event: 'Signup' } });
    await t.http().patch(`/api/v1/segments/${saved.id}`).set(t.auth).send({ condition: { segment: saved.id } }).expect(422);
    await t.http().delete(`/api/v1/segments/${saved.id}`).set(t.auth).expect(204);
    await t.http().get(`/api/v1/segments/${saved.id}`).set(t.auth).expect(404);
    await t.http().get(`/api/v1/segments/not-a-uuid`).set(t.auth).expect(400);
  });

  it('launches a journey on a saved segment by reference: only users who ordered Asian food enter, and the branch sees them in it', async () => {
    const segment = (await create({ name: 'Sushi', condition: orderedAsian }).expect(201)).body as SegmentBody;
    const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Sushi promo', graph: sushiJourney(segment.id) }).expect(201)).body as { id: string };
    expect(((await t.http().get(`/api/v1/segments/${segment.id}`).set(t.auth).expect(200)).body as SegmentBody).usedBy.map((j) => j.name)).toEqual(['Sushi promo']);
    await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201);
    const ended = async () =>
      t.db.dataSource.query<Array<{ external_id: string; current_node_id: string }>>(
        `SELECT u.external_id, i.current_node_id FROM journey_instances i JOIN users u ON u.id = i.user_id WHERE i.journey_id = $1 AND i.status <> 'active' ORDER BY u.external_id`,
        [journey.id],
      );
    await eventually(async () => (await ended()).length === 2, 15_000, 'both buyers of Asian food to finish');
    expect(await ended()).toEqual([
      { external_id: 'anna', current_node_id: 'yes' },
      { external_id: 'chen', current_node_id: 'yes' },
    ]);
  });

  it('warns in validation about a journey referring to a deleted segment', async () => {
    const segment = (await create({ name: 'Soon gone', condition: { field: 'tags.plan', op: 'exists' } }).expect(201)).body as SegmentBody;
    const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Orphan', graph: sushiJourney(segment.id) }).expect(201)).body as { id: string };
    await t.http().delete(`/api/v1/segments/${segment.id}`).set(t.auth).expect(204);
    const detail = await t.http().get(`/api/v1/journeys/${journey.id}`).set(t.auth).expect(200);
    expect((detail.body as { validation: { problems: unknown[] } }).validation.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unknown-segment', severity: 'warning', nodeId: 'entry', field: 'data.segment' })]),
    );
  });
});
