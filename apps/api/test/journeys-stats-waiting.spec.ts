import { type JourneyGraph } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { startTestApp, type TestApp } from './test-app';

// Silent from the hour before now until two hours after (UTC): every push now is held. (A window of
// a whole day on every weekday would silence the whole week, which the engine ignores.)
const hour = new Date().getUTCHours();
const at = (h: number): string => `${String((h + 24) % 24).padStart(2, '0')}:00`;

/** Entry on "Signup" -> push -> exit, with push silenced around now. */
const silencedPush: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    { id: 'entry', type: 'entry.event', data: { event: 'Signup' }, position: { x: 0, y: 0 } },
    { id: 'push', type: 'send.push', data: { title: 'Welcome', body: 'Glad you are here' }, position: { x: 250, y: 0 } },
    { id: 'exit', type: 'exit', data: {}, position: { x: 500, y: 0 } },
  ],
  edges: [
    { id: 'entry-push', source: 'entry', sourceHandle: 'next', target: 'push' },
    { id: 'push-exit', source: 'push', sourceHandle: 'next', target: 'exit' },
  ],
  settings: {
    goals: [],
    reentry: { mode: 'afterExit' },
    throttling: [],
    silentHours: { channels: ['push'], windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: at(hour - 1), to: at(hour + 2) }], fallbackTimeZone: 'UTC' },
  },
};

interface NodeStats {
  nodeId: string;
  now: number;
  sent: number;
  waitingToSend: number;
  waitingForSilentHours: number;
  waitingForRetry: number;
  waitingInQueue: number;
}

describe('GET /api/v1/journeys/:id/stats: users waiting to send', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ execution: { runWorkers: true } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts users held at a send step by silent hours, with the reason, and nothing sent', async () => {
    const created = await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Silenced welcome', graph: silencedPush }).expect(201);
    const journeyId = (created.body as { id: string }).id;
    await t.http().post(`/api/v1/journeys/${journeyId}/publish`).set(t.auth).expect(201);
    for (const id of ['ana', 'ben']) {
      await t.http().put(`/api/v1/users/${id}`).set(t.auth).send({ pushTokens: [{ token: `token-${id}`, platform: 'android' }] }).expect(200);
    }
    await t
      .http()
      .post('/api/v1/events')
      .set(t.auth)
      .send({ events: ['ana', 'ben'].map((userId) => ({ userId, name: 'Signup' })) })
      .expect(202);

    const push = await eventually(
      async () => {
        const stats = (await t.http().get(`/api/v1/journeys/${journeyId}/stats`).set(t.auth).expect(200)).body as { nodes: NodeStats[] };
        const node = stats.nodes.find((candidate) => candidate.nodeId === 'push');
        return node?.waitingToSend === 2 ? node : undefined;
      },
      15_000,
      'two users waiting at the push',
    );
    expect(push).toMatchObject({ now: 2, sent: 0, waitingToSend: 2, waitingForSilentHours: 2, waitingForRetry: 0, waitingInQueue: 0 });
  });
});
