import { type JourneyGraph, omnichannelFallbackJourney } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { startTestApp, type TestApp } from './test-app';

interface UserView {
  journeys: Array<{ status: string; currentNodeId: string }>;
  messages: Array<{ id: string; nodeId: string; channel: string; status: string }>;
}

/** The seed's omnichannel journey with a 2 s engagement window and no silent hours. */
function seedJourney(): JourneyGraph {
  const graph = structuredClone(omnichannelFallbackJourney);
  for (const node of graph.nodes) if (node.type === 'branch.engagement') node.data.window = '2s';
  const { silentHours: _quiet, ...settings } = graph.settings;
  return { ...graph, settings: { ...settings, reentry: { mode: 'afterExit' } } };
}

describe('the seed scenario through HTTP and workers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ execution: { runWorkers: true } });
    await t.approveDemoTemplates();
  });
  afterAll(async () => {
    await t.close();
  });

  const user = (id: string) => async () => (await t.http().get(`/api/v1/users/${id}`).set(t.auth).expect(200)).body as UserView;

  it('a "Promo" WhatsApp message enters the journey; the push opener gets one message, the other gets three', async () => {
    const created = await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Omnichannel', graph: seedJourney() }).expect(201);
    const journeyId = (created.body as { id: string }).id;
    await t.http().post(`/api/v1/journeys/${journeyId}/publish`).set(t.auth).expect(201);

    for (const id of ['opener', 'ignorer']) {
      await t
        .http()
        .put(`/api/v1/users/${id}`)
        .set(t.auth)
        .send({ email: `${id}@example.com`, phone: '+4915112345678', pushTokens: [{ token: `token-${id}`, platform: 'android' }] })
        .expect(200);
    }
    await t
      .http()
      .post('/api/v1/events')
      .set(t.auth)
      .send({ events: ['opener', 'ignorer'].map((userId) => ({ userId, name: 'PW_WhatsAppReceived', attributes: { text: 'Promo' } })) })
      .expect(202);

    const withPush = await eventually(async () => {
      const view = await user('opener')();
      return view.messages.some((m) => m.nodeId === 'push' && m.status === 'sent') && view;
    }, 15_000, 'the push');
    const push = withPush.messages.find((m) => m.nodeId === 'push')!;
    await t.http().post('/api/v1/events').set(t.auth).send({ userId: 'opener', name: 'PW_PushOpened', attributes: { messageId: push.id } }).expect(202);

    const opener = await eventually(async () => {
      const view = await user('opener')();
      return view.journeys[0]?.status === 'completed' && view;
    }, 15_000, 'the opener to finish');
    expect(opener.journeys.map((i) => i.currentNodeId)).toEqual(['exit-push']);
    expect(opener.messages.map((m) => [m.nodeId, m.status])).toEqual([['push', 'opened']]);

    const ignorer = await eventually(async () => {
      const view = await user('ignorer')();
      return view.journeys[0]?.status === 'completed' && view.messages.length === 3 && view.messages.every((m) => m.status === 'sent') && view;
    }, 15_000, 'the ignorer to get three messages');
    expect(ignorer.journeys.map((i) => i.currentNodeId)).toEqual(['exit-whatsapp']);
    expect(ignorer.messages.map((m) => m.channel).sort()).toEqual(['email', 'push', 'whatsapp']);

    const stats = (await t.http().get(`/api/v1/journeys/${journeyId}/stats`).set(t.auth).expect(200)).body as {
      nodes: Array<{ nodeId: string; entered: number; sent: number; opened: number }>;
    };
    const byNode = Object.fromEntries(stats.nodes.map((node) => [node.nodeId, node]));
    expect(byNode['push']).toMatchObject({ entered: 2, sent: 2, opened: 1 });
    expect(byNode['email']).toMatchObject({ entered: 1, sent: 1, opened: 0 });
    expect(byNode['whatsapp']).toMatchObject({ entered: 1, sent: 1 });
  });

  it('enters users through an API entry, and refuses journeys that are not live or have no API entry', async () => {
    const graph: JourneyGraph = {
      formatVersion: 1,
      nodes: [
        { id: 'api', type: 'entry.api', data: {}, position: { x: 0, y: 0 } },
        { id: 'tag', type: 'update.tags', data: { operations: [{ op: 'set', tag: 'order', value: '{{event.orderId}}' }] }, position: { x: 200, y: 0 } },
        { id: 'exit', type: 'exit', data: {}, position: { x: 400, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'api', sourceHandle: 'next', target: 'tag' },
        { id: 'e2', source: 'tag', sourceHandle: 'next', target: 'exit' },
      ],
      settings: { goals: [], reentry: { mode: 'always' }, throttling: [] },
    };
    const journeyId = ((await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'API entry', graph }).expect(201)).body as { id: string }).id;
    const notLive = await t.http().post(`/api/v1/journeys/${journeyId}/entries`).set(t.auth).send({ users: [{ userId: 'api-user' }] }).expect(422);
    expect((notLive.body as { message: string }).message).toBe('The journey is not published yet; users can enter live journeys only');

    await t.http().post(`/api/v1/journeys/${journeyId}/publish`).set(t.auth).expect(201);
    const accepted = await t
      .http()
      .post(`/api/v1/journeys/${journeyId}/entries`)
      .set(t.auth)
      .send({ users: [{ userId: 'api-user', attributes: { orderId: 'A-17' } }] })
      .expect(202);
    expect(accepted.body).toEqual({ queued: 1, entryNodeId: 'api' });
    const entered = await eventually(async () => {
      const view = (await t.http().get('/api/v1/users/api-user').set(t.auth).expect(200)).body as UserView & { tags: Record<string, unknown> };
      return view.journeys[0]?.status === 'completed' && view;
    }, 15_000, 'the API entry to complete');
    expect(entered.tags).toEqual({ order: 'A-17' });

    const bad = await t.http().post(`/api/v1/journeys/${journeyId}/entries`).set(t.auth).send({ users: [{ userId: '' }], extra: 1 }).expect(400);
    expect((bad.body as { message: string[] }).message).toEqual(
      expect.arrayContaining(['property extra should not exist', 'users.0.userId must be longer than or equal to 1 characters']),
    );
    await t.http().post('/api/v1/journeys/00000000-0000-4000-8000-000000000000/entries').set(t.auth).send({ users: [{ userId: 'x' }] }).expect(404);
  });

  it('launches a segment journey at publish for every matching user', async () => {
    await t.http().post('/api/v1/users/batch').set(t.auth).send({
      users: [
        { userId: 'vip-1', tags: { plan: 'vip' } },
        { userId: 'vip-2', tags: { plan: 'vip' } },
        { userId: 'free-1', tags: { plan: 'free' } },
      ],
    }).expect(200);
    const graph: JourneyGraph = {
      formatVersion: 1,
      nodes: [
        { id: 'segment', type: 'entry.segment', data: { segment: { field: 'tags.plan', op: 'eq', value: 'vip' } }, position: { x: 0, y: 0 } },
        { id: 'exit', type: 'exit', data: {}, position: { x: 200, y: 0 } },
      ],
      edges: [{ id: 'e1', source: 'segment', sourceHandle: 'next', target: 'exit' }],
      settings: { goals: [], reentry: { mode: 'never' }, throttling: [] },
    };
    const journeyId = ((await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'VIPs', graph }).expect(201)).body as { id: string }).id;
    await t.http().post(`/api/v1/journeys/${journeyId}/publish`).set(t.auth).expect(201);
    const rows = await eventually(async () => {
      const found = await t.db.dataSource.query<Array<{ external_id: string }>>(
        `SELECT u.external_id FROM journey_instances i JOIN users u ON u.id = i.user_id WHERE i.journey_id = $1 ORDER BY 1`,
        [journeyId],
      );
      return found.length >= 2 && found;
    }, 15_000, 'the VIPs to enter');
    expect(rows.map((row) => row.external_id)).toEqual(['vip-1', 'vip-2']);
  });
});
