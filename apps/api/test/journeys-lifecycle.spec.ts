import { DEFAULT_JOURNEY_SETTINGS, type JourneyGraph, whatsappKeywordJourney } from '@engine/journey';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';

// jest's asymmetric matchers are typed `any`; typed `unknown` they fit in expected objects.
const anyString: unknown = expect.any(String);
const anyArray: unknown = expect.any(Array);
const arrayContaining = (values: unknown[]): unknown => expect.arrayContaining(values);

interface JourneyBody {
  id: string;
  name: string;
  status: string;
  liveVersionNumber: number | null;
  liveVersionId: string | null;
  entryEvents: string[];
  graph: JourneyGraph;
  revision: string;
}

interface VersionBody {
  id: string;
  journeyId: string;
  version: number;
  compiledHash: string;
  live: boolean;
  publishedAt: string;
  graph?: JourneyGraph;
  warnings?: unknown[];
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A journey with no entry and a push without title nor connections: several errors. */
const BROKEN_GRAPH = {
  formatVersion: 1,
  nodes: [{ id: 'push', type: 'send.push', data: { body: 'Hi' }, position: { x: 0, y: 0 } }],
  edges: [],
  settings: DEFAULT_JOURNEY_SETTINGS,
};

describe('journeys: publishing and status', () => {
  let t: TestApp;
  let otherAuth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    const other = await createProject(t.db.dataSource.manager, 'Other project');
    otherAuth = { Authorization: `Bearer ${other.apiKey}` };
    await t.approveDemoTemplates();
    await t.approveDemoTemplates(otherAuth);
  });
  afterAll(async () => {
    await t.close();
  });

  async function createJourney(graph: unknown = whatsappKeywordJourney, auth = t.auth): Promise<JourneyBody> {
    const response = await t.http().post('/api/v1/journeys').set(auth).send({ name: 'Keywords', graph }).expect(201);
    return response.body as JourneyBody;
  }

  async function getJourney(id: string): Promise<JourneyBody> {
    return (await t.http().get(`/api/v1/journeys/${id}`).set(t.auth).expect(200)).body as JourneyBody;
  }

  const action = (id: string, verb: string, auth = t.auth) => t.http().post(`/api/v1/journeys/${id}/${verb}`).set(auth);

  describe('POST /api/v1/journeys/:id/publish', () => {
    it('refuses an invalid draft with 422 and every error, storing nothing', async () => {
      const journey = await createJourney(BROKEN_GRAPH);
      const response = await action(journey.id, 'publish').expect(422);
      const body = response.body as { statusCode: number; error: string; message: string; problems: { severity: string }[] };
      const validation = (await t.http().post(`/api/v1/journeys/${journey.id}/validate`).set(t.auth).expect(200)).body as {
        problems: { severity: string }[];
      };
      const expected = validation.problems.filter((problem) => problem.severity === 'error');
      expect(expected.length).toBeGreaterThan(1);
      expect(body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `The journey has ${expected.length} problems`,
        problems: expected,
      });
      expect(await getJourney(journey.id)).toMatchObject({ status: 'draft', liveVersionNumber: null, liveVersionId: null });
      const versions = await t.http().get(`/api/v1/journeys/${journey.id}/versions`).set(t.auth).expect(200);
      expect(versions.body).toEqual([]);
    });

    it('says "1 problem" for a single error', async () => {
      const graph = structuredClone(whatsappKeywordJourney);
      graph.nodes = graph.nodes.filter((node) => node.id !== 'exit-other');
      graph.edges = graph.edges.filter((edge) => edge.id !== 'is-promo-no');
      const journey = await createJourney(graph);
      const response = await action(journey.id, 'publish').expect(422);
      expect(response.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'The journey has 1 problem',
        problems: [
          {
            severity: 'error',
            code: 'unconnected-handle',
            message: 'Node "Asked for the promo?" (Condition): the "no" path is not connected; connect it to the next step (or to an Exit).',
            nodeId: 'is-promo',
          },
        ],
      });
    });

    it('publishes a valid draft as version 1 and goes live', async () => {
      const journey = await createJourney();
      const response = await action(journey.id, 'publish').expect(201);
      const version = response.body as VersionBody;
      expect(version).toEqual({
        id: anyString,
        journeyId: journey.id,
        version: 1,
        compiledHash: anyString,
        live: true,
        publishedAt: anyString,
        graph: whatsappKeywordJourney,
        warnings: anyArray,
      });
      const live = await getJourney(journey.id);
      expect(live).toMatchObject({
        status: 'live',
        liveVersionNumber: 1,
        liveVersionId: version.id,
        entryEvents: ['PW_WhatsAppReceived'],
        // The revision follows draft edits only, so an open canvas keeps saving.
        revision: journey.revision,
      });
      const [row] = await t.db.dataSource.query<{ project_id: string; graph: unknown; compiled_hash: string }[]>(
        'SELECT project_id, graph, compiled_hash FROM journey_versions WHERE id = $1',
        [version.id],
      );
      expect(row).toEqual({ project_id: t.projectId, graph: whatsappKeywordJourney, compiled_hash: version.compiledHash });
    });

    it('numbers versions, keeps old ones immutable, and editing a live draft leaves the live version alone', async () => {
      const journey = await createJourney();
      const first = (await action(journey.id, 'publish').expect(201)).body as VersionBody;

      const edited = structuredClone(whatsappKeywordJourney);
      edited.nodes[0].label = 'Inbound message';
      const updated = await t.http().put(`/api/v1/journeys/${journey.id}`).set(t.auth).send({ graph: edited }).expect(200);
      expect(updated.body).toMatchObject({ status: 'live', liveVersionNumber: 1, liveVersionId: first.id, graph: edited });
      const stillFirst = await t.http().get(`/api/v1/journeys/${journey.id}/versions/1`).set(t.auth).expect(200);
      expect((stillFirst.body as VersionBody).graph).toEqual(whatsappKeywordJourney);

      const second = (await action(journey.id, 'publish').expect(201)).body as VersionBody;
      expect(second.version).toBe(2);
      expect(second.graph).toEqual(edited);

      const list = await t.http().get(`/api/v1/journeys/${journey.id}/versions`).set(t.auth).expect(200);
      expect(list.body).toEqual([
        { id: second.id, journeyId: journey.id, version: 2, compiledHash: second.compiledHash, live: true, publishedAt: second.publishedAt },
        { id: first.id, journeyId: journey.id, version: 1, compiledHash: first.compiledHash, live: false, publishedAt: first.publishedAt },
      ]);
      const one = await t.http().get(`/api/v1/journeys/${journey.id}/versions/1`).set(t.auth).expect(200);
      expect(one.body).toEqual({
        id: first.id,
        journeyId: journey.id,
        version: 1,
        compiledHash: first.compiledHash,
        live: false,
        publishedAt: first.publishedAt,
        graph: whatsappKeywordJourney,
      });
    });

    it('gives concurrent publishes consecutive version numbers', async () => {
      const journey = await createJourney();
      const responses = await Promise.all(Array.from({ length: 5 }, () => action(journey.id, 'publish')));
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
      const numbers = responses.map((response) => (response.body as VersionBody).version).sort();
      expect(numbers).toEqual([1, 2, 3, 4, 5]);
      expect(await getJourney(journey.id)).toMatchObject({ liveVersionNumber: 5 });
    });

    it('answers 400/404 for bad, unknown and foreign ids', async () => {
      const bad = await action('xyz', 'publish').expect(400);
      expect(bad.body).toMatchObject({ message: 'id must be a UUID (the journey id)' });
      const unknown = await action(UNKNOWN_ID, 'publish').expect(404);
      expect(unknown.body).toMatchObject({ message: `No journey "${UNKNOWN_ID}" in this project` });
      const foreign = await createJourney(whatsappKeywordJourney, otherAuth);
      await action(foreign.id, 'publish').expect(404);
      const theirs = await t.http().get(`/api/v1/journeys/${foreign.id}`).set(otherAuth).expect(200);
      expect(theirs.body).toMatchObject({ status: 'draft', liveVersionNumber: null });
    });
  });

  describe('GET /api/v1/journeys/:id/versions/:version', () => {
    it('answers 404 for a missing version and 400 for a malformed one', async () => {
      const journey = await createJourney();
      await action(journey.id, 'publish').expect(201);
      const missing = await t.http().get(`/api/v1/journeys/${journey.id}/versions/2`).set(t.auth).expect(404);
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Journey "${journey.id}" has no version 2` });
      for (const version of ['0', '-1', 'abc', '1.5', '99999999999']) {
        const response = await t.http().get(`/api/v1/journeys/${journey.id}/versions/${version}`).set(t.auth).expect(400);
        expect(response.body).toMatchObject({ message: 'version must be a positive integer (a version number such as 1)' });
      }
      const foreign = await createJourney(whatsappKeywordJourney, otherAuth);
      await t.http().get(`/api/v1/journeys/${foreign.id}/versions`).set(t.auth).expect(404);
      await t.http().get(`/api/v1/journeys/${foreign.id}/versions/1`).set(t.auth).expect(404);
    });
  });

  describe('pause, resume, archive', () => {
    it('moves live -> paused -> live and refuses wrong transitions with 409', async () => {
      const journey = await createJourney();
      const conflict = async (verb: string, message: string) => {
        const response = await action(journey.id, verb).expect(409);
        expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message });
      };
      await conflict('pause', 'Only a live journey can be paused; this one is a draft');
      await conflict('resume', 'Only a paused journey can be resumed; this one is a draft');
      await action(journey.id, 'publish').expect(201);
      await conflict('resume', 'Only a paused journey can be resumed; this one is live');

      const paused = await action(journey.id, 'pause').expect(200);
      expect(paused.body).toMatchObject({ id: journey.id, status: 'paused', liveVersionNumber: 1, revision: journey.revision });
      await conflict('pause', 'Only a live journey can be paused; this one is paused');
      const resumed = await action(journey.id, 'resume').expect(200);
      expect(resumed.body).toMatchObject({ status: 'live', liveVersionNumber: 1 });
    });

    it('publishing a paused journey makes it live again', async () => {
      const journey = await createJourney();
      await action(journey.id, 'publish').expect(201);
      await action(journey.id, 'pause').expect(200);
      await action(journey.id, 'publish').expect(201);
      expect(await getJourney(journey.id)).toMatchObject({ status: 'live', liveVersionNumber: 2 });
    });

    it('archives: stops active instances and cancels their pending sends and timers in the same transaction', async () => {
      const journey = await createJourney();
      const version = (await action(journey.id, 'publish').expect(201)).body as VersionBody;
      const sql = t.db.dataSource;
      const [{ id: userId }] = await sql.query<{ id: string }[]>(
        `INSERT INTO users (project_id, external_id) VALUES ($1, 'archive-user') RETURNING id`,
        [t.projectId],
      );
      const insertInstance = async (status: string): Promise<string> => {
        const [row] = await sql.query<{ id: string }[]>(
          `INSERT INTO journey_instances (project_id, journey_id, version_id, user_id, status, snapshot, current_node_id, waiting_for, ended_at)
           VALUES ($1, $2, $3, $4, $5, '{}', 'help-reply', '{PW_WhatsAppRead}', CASE WHEN $5 = 'active' THEN NULL ELSE now() - interval '1 day' END)
           RETURNING id`,
          [t.projectId, journey.id, version.id, userId, status],
        );
        return row.id;
      };
      const active = [await insertInstance('active'), await insertInstance('active')];
      const completed = await insertInstance('completed');
      const insertOutbox = (instanceId: string, kind: string, status = 'pending') =>
        sql.query(
          `INSERT INTO outbox (project_id, instance_id, kind, effect, due_at, status) VALUES ($1, $2, $3, '{}', now(), $4)`,
          [t.projectId, instanceId, kind, status],
        );
      await insertOutbox(active[0], 'send');
      await insertOutbox(active[1], 'schedule');
      await insertOutbox(active[1], 'send', 'done');

      const response = await action(journey.id, 'archive').expect(200);
      expect(response.body).toMatchObject({ id: journey.id, status: 'archived', liveVersionNumber: 1, stoppedInstances: 2 });

      const instances = await sql.query<{ id: string; status: string; waiting_for: string[]; ended: boolean; lock_version: number }[]>(
        `SELECT id, status, waiting_for, ended_at IS NOT NULL AND ended_at > now() - interval '1 minute' AS ended, lock_version
           FROM journey_instances WHERE journey_id = $1 ORDER BY status, id`,
        [journey.id],
      );
      expect(instances).toEqual(
        arrayContaining([
          { id: completed, status: 'completed', waiting_for: ['PW_WhatsAppRead'], ended: false, lock_version: 0 },
          ...active.map((id) => ({ id, status: 'stopped', waiting_for: [], ended: true, lock_version: 1 })),
        ]),
      );
      const outbox = await sql.query<{ kind: string; status: string }[]>(
        `SELECT kind, status FROM outbox WHERE instance_id = ANY($1) ORDER BY id`,
        [active],
      );
      expect(outbox).toEqual([
        { kind: 'send', status: 'cancelled' },
        { kind: 'schedule', status: 'cancelled' },
        { kind: 'send', status: 'done' },
      ]);
    });

    it('archived is final: every other action answers 409, duplicating still works', async () => {
      const journey = await createJourney();
      await action(journey.id, 'archive').expect(200);
      const conflict = async (request: PromiseLike<{ status: number; body: unknown }>, message: string) => {
        const response = await request;
        expect(response.status).toBe(409);
        expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message });
      };
      await conflict(action(journey.id, 'archive'), 'The journey is already archived');
      await conflict(action(journey.id, 'publish'), 'The journey is archived and cannot be published; duplicate it to publish a copy');
      await conflict(action(journey.id, 'pause'), 'Only a live journey can be paused; this one is archived');
      await conflict(action(journey.id, 'resume'), 'Only a paused journey can be resumed; this one is archived');
      await conflict(
        t.http().patch(`/api/v1/journeys/${journey.id}`).set(t.auth).send({ name: 'Again' }),
        'The journey is archived and cannot be edited; duplicate it to work on a copy',
      );
      const copy = await action(journey.id, 'duplicate').expect(201);
      expect(copy.body).toMatchObject({ status: 'draft', name: 'Keywords (copy)' });
    });

    it("answers 404 for another project's journey and leaves it alone", async () => {
      const foreign = await createJourney(whatsappKeywordJourney, otherAuth);
      await action(foreign.id, 'publish', otherAuth).expect(201);
      for (const verb of ['pause', 'resume', 'archive']) await action(foreign.id, verb).expect(404);
      const theirs = await t.http().get(`/api/v1/journeys/${foreign.id}`).set(otherAuth).expect(200);
      expect(theirs.body).toMatchObject({ status: 'live' });
    });
  });
});
