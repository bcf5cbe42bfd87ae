import { type JourneyGraph } from '@engine/journey';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';
import { changeValue, contact, postWebhook, textMessage, webhookBody, whatsAppCloudSettings } from './whatsapp-webhook-payloads';

interface EventNameBody {
  name: string;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
  attributes: Array<{ name: string; type: string; count: number }>;
}

interface ValidationBody {
  valid: boolean;
  problems: Array<{ severity: string; code: string; message: string; nodeId?: string; field?: string }>;
}

/** Signup -> wait for `awaited` (or a day) -> exit. */
function waitingFor(awaited: string): JourneyGraph {
  return {
    formatVersion: 1,
    nodes: [
      { id: 'entry', type: 'entry.event', data: { event: 'Signup' }, position: { x: 0, y: 0 } },
      { id: 'wait', type: 'wait.event', data: { branches: [{ id: 'b', events: [{ event: awaited }] }], timeout: '1d' }, position: { x: 250, y: 0 } },
      { id: 'exit', type: 'exit', data: {}, position: { x: 500, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'b', target: 'exit' },
      { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'exit' },
    ],
    settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
  };
}

const typoWarning = {
  severity: 'warning',
  code: 'unknown-event',
  message: 'Node "wait" (Wait for event): no event named "Purchse" has been tracked yet; check the spelling.',
  nodeId: 'wait',
  field: 'data.branches[0].events[0].event',
};

describe('event names a project has received', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const newProjectAuth = async (name: string) => ({ Authorization: `Bearer ${(await createProject(t.db.dataSource.manager, name)).apiKey}` });
  const track = (events: Array<{ userId: string; name: string }>, auth = t.auth) => t.http().post('/api/v1/events').set(auth).send({ events }).expect(202);
  const names = async (auth = t.auth) => (await t.http().get('/api/v1/events/names').set(auth).expect(200)).body as EventNameBody[];

  describe('GET /api/v1/events/names', () => {
    it('is the events catalogue: a count per name and its attributes with inferred types', async () => {
      const auth = await newProjectAuth('Catalogue');
      const post = (events: object[]) => t.http().post('/api/v1/events').set(auth).send({ events }).expect(202);
      await post([
        { userId: 'a', name: 'Order', attributes: { cuisine: 'asian', amount: 12.5, at: '2026-05-01T10:00:00Z' } },
        { userId: 'b', name: 'Order', attributes: { cuisine: 'italian', amount: '12', tags: ['x'] } },
      ]);
      await post([{ userId: 'a', name: 'Order', attributes: { cuisine: 'thai', extra: { a: 1 }, vip: true } }]);
      const [order] = await names(auth);
      expect(order.count).toBe(3);
      expect(order.attributes.map(({ name, type, count }) => [name, type, count])).toEqual([
        ['amount', 'number', 1],
        ['amount', 'string', 1],
        ['at', 'date', 1],
        ['cuisine', 'string', 3],
        ['extra', 'object', 1],
        ['tags', 'list', 1],
        ['vip', 'boolean', 1],
      ]);
    });

    it("lists a project's received names once each, sorted by name, with when they were first and last seen", async () => {
      const auth = await newProjectAuth('Shop');
      expect(await names(auth)).toEqual([]);
      await track([{ userId: 'ann', name: 'Signup' }, { userId: 'ann', name: 'Purchase' }, { userId: 'ben', name: 'Purchase' }, { userId: 'ben', name: 'AddToCart' }], auth);
      await track([{ userId: 'ann', name: 'Purchase' }], auth);

      const listed = await names(auth);
      expect(listed.map((entry) => entry.name)).toEqual(['AddToCart', 'Purchase', 'Signup']);
      for (const entry of listed) {
        expect(Math.abs(Date.parse(entry.firstSeenAt) - Date.now())).toBeLessThan(10_000);
        expect(entry.lastSeenAt).toBe(entry.firstSeenAt);
      }
      expect(await names(await newProjectAuth('Elsewhere'))).toEqual([]);
    });

    it('includes the built-in events the WhatsApp webhook records', async () => {
      await t
        .http()
        .put('/api/v1/channels/whatsapp')
        .set(t.auth)
        .send(whatsAppCloudSettings())
        .expect(200);
      const sender = '491510099999';
      await postWebhook(t.http, webhookBody(changeValue({ contacts: [contact(sender, 'Sheena')], messages: [textMessage(sender, 'wamid.HBgLnames1', 'Hi')] }))).expect(200);
      expect((await names()).map((entry) => entry.name)).toContain('PW_WhatsAppReceived');
    });

    it('needs an API key', async () => {
      await t.http().get('/api/v1/events/names').expect(401);
    });
  });

  describe('validation warns about events never received', () => {
    const createJourney = async (graph: JourneyGraph, auth = t.auth) =>
      ((await t.http().post('/api/v1/journeys').set(auth).send({ name: 'Names', graph }).expect(201)).body as { id: string; validation: ValidationBody });
    const validate = async (journeyId: string, graph?: JourneyGraph, auth = t.auth) =>
      (await t.http().post(`/api/v1/journeys/${journeyId}/validate`).set(auth).send(graph ? { graph } : {}).expect(200)).body as ValidationBody;

    it('warns about a typo, not about a received or a built-in name, and still publishes', async () => {
      await track([{ userId: 'ann', name: 'Signup' }, { userId: 'ann', name: 'Purchase' }]);
      const journey = await createJourney(waitingFor('Purchse'));
      expect(journey.validation).toEqual({ valid: true, problems: [typoWarning] });
      expect(await validate(journey.id)).toEqual({ valid: true, problems: [typoWarning] });
      const detail = (await t.http().get(`/api/v1/journeys/${journey.id}`).set(t.auth).expect(200)).body as { validation: ValidationBody };
      expect(detail.validation).toEqual({ valid: true, problems: [typoWarning] });

      expect(await validate(journey.id, waitingFor('Purchase'))).toEqual({ valid: true, problems: [] });
      expect(await validate(journey.id, waitingFor('PW_EmailOpened'))).toEqual({ valid: true, problems: [] });

      // A warning, not a blocker: the journey publishes as before.
      await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201);
    });

    it('says nothing about event names in a project that has received no events yet', async () => {
      const auth = await newProjectAuth('Fresh');
      const journey = await createJourney(waitingFor('Purchse'), auth);
      expect(journey.validation).toEqual({ valid: true, problems: [] });
      expect(await validate(journey.id, undefined, auth)).toEqual({ valid: true, problems: [] });
    });
  });
});
