import { DEFAULT_JOURNEY_SETTINGS, whatsappKeywordJourney } from '@engine/journey';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';

// jest's asymmetric matchers are typed `any`; typed `unknown` they fit in expected objects.
const anyString: unknown = expect.any(String);
const anyArray: unknown = expect.any(Array);
const objectContaining = (value: object): unknown => expect.objectContaining(value);
const arrayContaining = (values: unknown[]): unknown => expect.arrayContaining(values);
const stringContaining = (text: string): unknown => expect.stringContaining(text);

interface JourneyBody {
  id: string;
  name: string;
  status: string;
  liveVersionNumber: number | null;
  graph: { formatVersion: number; nodes: unknown[]; edges: unknown[]; settings: unknown };
  validation: { valid: boolean; problems: { severity: string; code: string; message: string }[] };
  revision: string;
  updatedAt: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const EMPTY_GRAPH = { formatVersion: 1, nodes: [], edges: [], settings: DEFAULT_JOURNEY_SETTINGS };

describe('journeys: drafts', () => {
  let t: TestApp;
  let otherAuth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    const other = await createProject(t.db.dataSource.manager, 'Other project');
    otherAuth = { Authorization: `Bearer ${other.apiKey}` };
  });
  afterAll(async () => {
    await t.close();
  });

  async function createJourney(body: Record<string, unknown> = { name: 'Welcome' }, auth = t.auth): Promise<JourneyBody> {
    const response = await t.http().post('/api/v1/journeys').set(auth).send(body).expect(201);
    return response.body as JourneyBody;
  }

  async function expect400(request: Promise<{ status: number; body: unknown }>, ...messages: string[]): Promise<void> {
    const response = await request;
    expect(response.status).toBe(400);
    const body = response.body as { statusCode: number; message: string | string[] };
    expect(body.statusCode).toBe(400);
    const list = Array.isArray(body.message) ? body.message : [body.message];
    for (const message of messages) expect(list).toContain(message);
  }

  describe('POST /api/v1/journeys', () => {
    it('refuses requests without an API key', async () => {
      const response = await t.http().post('/api/v1/journeys').send({ name: 'x' }).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, message: stringContaining('Missing API key') });
    });

    it('creates a draft with an empty graph by default', async () => {
      const journey = await createJourney();
      expect(journey).toMatchObject({
        name: 'Welcome',
        status: 'draft',
        liveVersionNumber: null,
        graph: EMPTY_GRAPH,
        validation: { valid: false },
      });
      expect(journey.validation.problems.length).toBeGreaterThan(0);
      expect(journey.revision).toBe(journey.updatedAt);
      expect(new Date(journey.revision).toISOString()).toBe(journey.revision);
    });

    it('stores the given graph as it is, valid or not', async () => {
      const journey = await createJourney({ name: 'Keywords', graph: whatsappKeywordJourney });
      expect(journey.graph).toEqual(whatsappKeywordJourney);
      expect(journey.validation).toEqual({ valid: true, problems: anyArray });

      const broken = { ...EMPTY_GRAPH, nodes: [{ id: 'a', type: 'send.push', data: {}, position: { x: 0, y: 0 } }], viewport: { zoom: 1 } };
      const draft = await createJourney({ name: 'Half done', graph: broken });
      expect(draft.graph).toEqual(broken);
      expect(draft.validation.valid).toBe(false);
    });

    it('names the field of bad input', async () => {
      const post = (body: unknown) => t.http().post('/api/v1/journeys').set(t.auth).send(body as object);
      await expect400(post({}), 'name must be a string');
      await expect400(post({ name: 42 }), 'name must be a string');
      await expect400(post({ name: '   ' }), 'name must not be empty or blank');
      await expect400(post({ name: 'x'.repeat(201) }), 'name must be at most 200 characters long');
      await expect400(post({ name: 'a\u0000b' }), 'name must not contain the NUL character (\\u0000)');
      await expect400(post({ name: 'x', colour: 'red' }), 'property colour should not exist');
      await expect400(post({ name: 'x', graph: 'nope' }), 'graph must be an object with formatVersion, nodes, edges and settings');
      await expect400(post({ name: 'x', graph: null }), 'graph must be an object with formatVersion, nodes, edges and settings');
      await expect400(post({ name: 'x', graph: [] }), 'graph must be an object with formatVersion, nodes, edges and settings');
      await expect400(
        post({ name: 'x', graph: { formatVersion: 2, nodes: {}, edges: 'x' } }),
        'graph.formatVersion must be 1; graph.nodes must be an array; graph.edges must be an array; graph.settings must be an object',
      );
      const node = { id: 'n', type: 'exit', data: {}, position: { x: 0, y: 0 } };
      await expect400(
        post({ name: 'x', graph: { ...EMPTY_GRAPH, nodes: Array.from({ length: 2001 }, () => node) } }),
        'graph.nodes must contain at most 2000 nodes',
      );
      await expect400(
        post({ name: 'x', graph: { ...EMPTY_GRAPH, nodes: [{ ...node, label: 'nul \u0000' }] } }),
        'graph must not contain the NUL character (\\u0000)',
      );
      await expect400(
        post({ name: 'x', graph: { ...EMPTY_GRAPH, nodes: [{ ...node, label: 'half \ud800' }] } }),
        'graph must be valid Unicode text (it contains an unpaired surrogate)',
      );
      await expect400(post({ name: 'half \udc00' }), 'name must be valid Unicode text (it contains an unpaired surrogate)');
      let deep: unknown = 'leaf';
      for (let level = 0; level < 150; level++) deep = { deeper: deep };
      await expect400(post({ name: 'x', graph: { ...EMPTY_GRAPH, settings: deep } }), 'graph must not be nested more than 100 levels deep');
    });

    it('answers 400, not 500, for a body nested thousands of levels deep', async () => {
      const response = await t
        .http()
        .post('/api/v1/journeys')
        .set(t.auth)
        .set('content-type', 'application/json')
        .send(`{"name":"x","graph":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)
        .expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request body is nested more than 200 levels deep' });
    });

    it('accepts 2000 nodes', async () => {
      const nodes = Array.from({ length: 2000 }, (_, index) => ({ id: `n${index}`, type: 'exit', data: {}, position: { x: 0, y: 0 } }));
      const journey = await createJourney({ name: 'Big', graph: { ...EMPTY_GRAPH, nodes } });
      expect(journey.graph.nodes).toHaveLength(2000);
    });
  });

  describe('GET /api/v1/journeys/:id', () => {
    it('returns the draft with its validation', async () => {
      const created = await createJourney({ name: 'Read me', graph: whatsappKeywordJourney });
      const response = await t.http().get(`/api/v1/journeys/${created.id}`).set(t.auth).expect(200);
      expect(response.body).toEqual({
        id: created.id,
        name: 'Read me',
        status: 'draft',
        liveVersionNumber: null,
        liveVersionId: null,
        entryEvents: [],
        graph: whatsappKeywordJourney,
        validation: { valid: true, problems: anyArray },
        revision: created.revision,
        createdAt: anyString,
        updatedAt: created.updatedAt,
      });
    });

    it('answers 400 for an id that is not a UUID and 404 for unknown or foreign ids', async () => {
      const bad = await t.http().get('/api/v1/journeys/not-a-uuid').set(t.auth).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, message: 'id must be a UUID (the journey id)' });
      const unknown = await t.http().get(`/api/v1/journeys/${UNKNOWN_ID}`).set(t.auth).expect(404);
      expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: `No journey "${UNKNOWN_ID}" in this project` });
      const foreign = await createJourney({ name: 'Theirs' }, otherAuth);
      const hidden = await t.http().get(`/api/v1/journeys/${foreign.id}`).set(t.auth).expect(404);
      expect(hidden.body).toMatchObject({ message: `No journey "${foreign.id}" in this project` });
    });
  });

  describe('GET /api/v1/journeys', () => {
    it('lists this project only, newest edit first, filtered by status', async () => {
      const project = await createProject(t.db.dataSource.manager, 'List project');
      const auth = { Authorization: `Bearer ${project.apiKey}` };
      const first = await createJourney({ name: 'First' }, auth);
      const second = await createJourney({ name: 'Second' }, auth);
      await t.db.dataSource.query(`UPDATE journeys SET status = 'paused' WHERE id = $1`, [first.id]);

      const all = await t.http().get('/api/v1/journeys').set(auth).expect(200);
      expect(all.body).toEqual([
        {
          id: second.id,
          name: 'Second',
          status: 'draft',
          liveVersionNumber: null,
          activeUsers: 0,
          conversions: 0,
          revision: second.revision,
          createdAt: anyString,
          updatedAt: second.updatedAt,
        },
        objectContaining({ id: first.id, status: 'paused' }),
      ]);
      const paused = await t.http().get('/api/v1/journeys?status=paused').set(auth).expect(200);
      expect((paused.body as JourneyBody[]).map((journey) => journey.id)).toEqual([first.id]);
      const page = await t.http().get('/api/v1/journeys?limit=1&offset=1').set(auth).expect(200);
      expect((page.body as JourneyBody[]).map((journey) => journey.id)).toEqual([first.id]);
    });

    it('names bad query parameters', async () => {
      await expect400(t.http().get('/api/v1/journeys?status=running').set(t.auth), 'status must be one of draft, live, paused, archived');
      await expect400(t.http().get('/api/v1/journeys?limit=0').set(t.auth), 'limit must be at least 1');
      await expect400(t.http().get('/api/v1/journeys?limit=abc').set(t.auth), 'limit must be an integer');
      await expect400(t.http().get('/api/v1/journeys?limit=501').set(t.auth), 'limit must be at most 500');
      await expect400(t.http().get('/api/v1/journeys?offset=-1').set(t.auth), 'offset must be at least 0');
      await expect400(t.http().get('/api/v1/journeys?sort=name').set(t.auth), 'property sort should not exist');
    });
  });

  describe('PUT/PATCH /api/v1/journeys/:id', () => {
    it('updates the name and the graph, with a new revision each time', async () => {
      const created = await createJourney();
      const renamed = await t.http().put(`/api/v1/journeys/${created.id}`).set(t.auth).send({ name: 'Renamed' }).expect(200);
      const afterRename = renamed.body as JourneyBody;
      expect(afterRename).toMatchObject({ name: 'Renamed', graph: EMPTY_GRAPH });
      expect(afterRename.revision > created.revision).toBe(true);

      const patched = await t
        .http()
        .patch(`/api/v1/journeys/${created.id}`)
        .set(t.auth)
        .send({ graph: whatsappKeywordJourney, revision: afterRename.revision })
        .expect(200);
      const afterPatch = patched.body as JourneyBody;
      expect(afterPatch).toMatchObject({ name: 'Renamed', graph: whatsappKeywordJourney, validation: { valid: true } });
      expect(afterPatch.revision > afterRename.revision).toBe(true);
    });

    it('gives two quick edits distinct revisions', async () => {
      const created = await createJourney();
      const revisions = new Set<string>([created.revision]);
      for (let round = 0; round < 5; round++) {
        const response = await t.http().patch(`/api/v1/journeys/${created.id}`).set(t.auth).send({ name: `N${round}` }).expect(200);
        revisions.add((response.body as JourneyBody).revision);
      }
      expect(revisions.size).toBe(6);
    });

    it('answers 409 for a stale revision and keeps the other edit', async () => {
      const created = await createJourney();
      await t.http().patch(`/api/v1/journeys/${created.id}`).set(t.auth).send({ name: 'Theirs', revision: created.revision }).expect(200);
      const stale = await t
        .http()
        .patch(`/api/v1/journeys/${created.id}`)
        .set(t.auth)
        .send({ name: 'Mine', revision: created.revision })
        .expect(409);
      const current = (await t.http().get(`/api/v1/journeys/${created.id}`).set(t.auth).expect(200)).body as JourneyBody;
      expect(stale.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `The journey was changed since revision ${created.revision}: reload it (revision ${current.revision}) and apply your changes again`,
        revision: current.revision,
      });
      expect(current.name).toBe('Theirs');
    });

    it('names bad input', async () => {
      const created = await createJourney();
      const patch = (body: unknown) => t.http().patch(`/api/v1/journeys/${created.id}`).set(t.auth).send(body as object);
      await expect400(patch({}), 'Send name or graph (or both) to update the journey');
      await expect400(patch({ revision: created.revision }), 'Send name or graph (or both) to update the journey');
      await expect400(patch({ name: '' }), 'name must not be empty or blank');
      await expect400(patch({ name: 'x'.repeat(201) }), 'name must be at most 200 characters long');
      await expect400(patch({ name: 'x', status: 'live' }), 'property status should not exist');
      await expect400(patch({ graph: { formatVersion: 1 } }), 'graph.nodes must be an array; graph.edges must be an array; graph.settings must be an object');
      await expect400(
        patch({ name: 'x', revision: 'yesterday' }),
        'revision must be the revision string of the journey as last read (an ISO 8601 timestamp)',
      );
      await expect400(
        patch({ name: 'x', revision: 12 }),
        'revision must be the revision string of the journey as last read (an ISO 8601 timestamp)',
      );
      await expect400(t.http().put('/api/v1/journeys/123').set(t.auth).send({ name: 'x' }), 'id must be a UUID (the journey id)');
    });

    it("answers 404 for another project's journey and leaves it alone", async () => {
      const foreign = await createJourney({ name: 'Theirs' }, otherAuth);
      await t.http().put(`/api/v1/journeys/${foreign.id}`).set(t.auth).send({ name: 'Hijacked' }).expect(404);
      const theirs = await t.http().get(`/api/v1/journeys/${foreign.id}`).set(otherAuth).expect(200);
      expect((theirs.body as JourneyBody).name).toBe('Theirs');
    });
  });

  describe('POST /api/v1/journeys/:id/validate', () => {
    it('validates the draft, or the graph sent, without saving it', async () => {
      const created = await createJourney({ name: 'V', graph: whatsappKeywordJourney });
      // Its WhatsApp templates must be approved in the registry to count as valid (as for publishing).
      await t.approveDemoTemplates();
      const draft = await t.http().post(`/api/v1/journeys/${created.id}/validate`).set(t.auth).expect(200);
      expect(draft.body).toEqual({ valid: true, problems: anyArray });

      const broken = await t
        .http()
        .post(`/api/v1/journeys/${created.id}/validate`)
        .set(t.auth)
        .send({ graph: { formatVersion: 1, nodes: 'x', edges: [], settings: {} } })
        .expect(200);
      expect(broken.body).toMatchObject({ valid: false, problems: arrayContaining([objectContaining({ severity: 'error' })]) });

      const after = await t.http().get(`/api/v1/journeys/${created.id}`).set(t.auth).expect(200);
      expect((after.body as JourneyBody).graph).toEqual(whatsappKeywordJourney);
    });

    it('names bad input and unknown journeys', async () => {
      const created = await createJourney();
      const validate = (body: unknown) => t.http().post(`/api/v1/journeys/${created.id}/validate`).set(t.auth).send(body as object);
      await expect400(validate({ graph: 'x' }), 'graph must be an object');
      await expect400(validate({ graph: whatsappKeywordJourney, extra: 1 }), 'property extra should not exist');
      await t.http().post(`/api/v1/journeys/${UNKNOWN_ID}/validate`).set(t.auth).expect(404);
    });
  });

  describe('POST /api/v1/journeys/:id/duplicate', () => {
    it('copies the draft into a new draft named "(copy)"', async () => {
      const created = await createJourney({ name: 'Original', graph: whatsappKeywordJourney });
      const response = await t.http().post(`/api/v1/journeys/${created.id}/duplicate`).set(t.auth).expect(201);
      const copy = response.body as JourneyBody;
      expect(copy).toMatchObject({ name: 'Original (copy)', status: 'draft', liveVersionNumber: null, graph: whatsappKeywordJourney });
      expect(copy.id).not.toBe(created.id);
    });

    it('keeps the copy name within 200 characters', async () => {
      const created = await createJourney({ name: 'x'.repeat(200) });
      const response = await t.http().post(`/api/v1/journeys/${created.id}/duplicate`).set(t.auth).expect(201);
      expect((response.body as JourneyBody).name).toBe(`${'x'.repeat(193)} (copy)`);
    });

    it("answers 404 for another project's journey", async () => {
      const foreign = await createJourney({ name: 'Theirs' }, otherAuth);
      await t.http().post(`/api/v1/journeys/${foreign.id}/duplicate`).set(t.auth).expect(404);
      await t.http().post('/api/v1/journeys/nope/duplicate').set(t.auth).expect(400);
    });
  });
});
