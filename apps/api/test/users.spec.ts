import { whatsappKeywordJourney } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';

// jest's asymmetric matchers are typed `any`; typed `unknown` they fit in expected objects.
const anyString: unknown = expect.any(String);

interface UserBody {
  userId: string;
  tags: Record<string, unknown>;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
  language: string | null;
  optIns: Record<string, boolean>;
  pushTokens: { token: string; platform: string; addedAt: string }[];
  createdAt: string;
  updatedAt: string;
}

describe('users', () => {
  let t: TestApp;
  let otherAuth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    const other = await createProject(t.db.dataSource.manager, 'Other project');
    otherAuth = { Authorization: `Bearer ${other.apiKey}` };
    await t.approveDemoTemplates();
  });
  afterAll(async () => {
    await t.close();
  });

  const path = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}`;
  const put = (userId: string, body: unknown, auth = t.auth) => t.http().put(path(userId)).set(auth).send(body as object);
  const batch = (body: unknown) => t.http().post('/api/v1/users/batch').set(t.auth).send(body as object);

  async function expect400(request: PromiseLike<{ status: number; body: unknown }>, ...messages: string[]): Promise<string[]> {
    const response = await request;
    expect(response.status).toBe(400);
    const body = response.body as { statusCode: number; message: string | string[] };
    const list = Array.isArray(body.message) ? body.message : [body.message];
    for (const message of messages) expect(list).toContain(message);
    return list;
  }

  async function countUsers(): Promise<number> {
    const [row] = await t.db.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM users WHERE project_id = $1', [t.projectId]);
    return row.count;
  }

  describe('PUT /api/v1/users/:userId', () => {
    it('creates a user with defaults', async () => {
      const response = await put('alice', { email: 'alice@example.com', tags: { plan: 'pro' } }).expect(200);
      expect(response.body).toEqual({
        userId: 'alice',
        tags: { plan: 'pro' },
        email: 'alice@example.com',
        phone: null,
        timeZone: null,
        language: null,
        optIns: { push: true, email: true, whatsapp: true, sms: true },
        pushTokens: [],
        lastInboundWhatsAppAt: null,
        country: null,
        lastSeenAt: null,
        reachable: { push: false, email: true, whatsapp: false, sms: false },
        createdAt: anyString,
        updatedAt: anyString,
      });
    });

    it('merges tags and opt-ins, clears with null, keeps omitted fields, replaces push tokens', async () => {
      await put('bob', {
        tags: { plan: 'free', visits: 1, colours: ['red'] },
        email: 'bob@example.com',
        phone: '+4915112345678',
        timeZone: 'Europe/Berlin',
        language: 'de',
        optIns: { sms: false },
        pushTokens: [
          { token: 'tok-a', platform: 'android' },
          { token: 'tok-b', platform: 'ios' },
        ],
      }).expect(200);
      const before = (await t.http().get(path('bob')).set(t.auth).expect(200)).body as UserBody;
      const addedA = before.pushTokens.find((token) => token.token === 'tok-a')!.addedAt;
      // The tokens given again must keep addedAt: wait until a new one would get a later time.
      await eventually(() => Date.now() > Date.parse(addedA), 1_000, 'the clock to pass addedAt');

      const response = await put('bob', {
        tags: { plan: 'pro', visits: null, vip: true },
        email: null,
        optIns: { push: false },
        pushTokens: [
          { token: 'tok-c', platform: 'web' },
          { token: 'tok-a', platform: 'android' },
        ],
      }).expect(200);
      const user = response.body as UserBody;
      expect(user).toMatchObject({
        userId: 'bob',
        tags: { plan: 'pro', colours: ['red'], vip: true },
        email: null,
        phone: '+4915112345678',
        // The default tag user.country comes from the phone number.
        country: 'DE',
        timeZone: 'Europe/Berlin',
        language: 'de',
        optIns: { push: false, email: true, whatsapp: true, sms: false },
      });
      expect(user.tags).not.toHaveProperty('visits');
      expect(user.pushTokens.map(({ token, platform }) => ({ token, platform }))).toEqual([
        { token: 'tok-c', platform: 'web' },
        { token: 'tok-a', platform: 'android' },
      ]);
      // A token the user already had keeps the time it was first stored.
      expect(user.pushTokens[1].addedAt).toBe(addedA);
      expect(user.pushTokens[0].addedAt > addedA).toBe(true);
      expect(user.updatedAt > before.updatedAt).toBe(true);

      const cleared = await put('bob', { pushTokens: [], phone: null, timeZone: null, language: null }).expect(200);
      expect(cleared.body).toMatchObject({ pushTokens: [], phone: null, country: null, timeZone: null, language: null, tags: { plan: 'pro' } });
    });

    it('addresses users by URL-encoded ids', async () => {
      const id = 'crm/42 ünïcode?&#%';
      const response = await put(id, { tags: { a: 1 } }).expect(200);
      expect((response.body as UserBody).userId).toBe(id);
      const read = await t.http().get(path(id)).set(t.auth).expect(200);
      expect((read.body as UserBody).userId).toBe(id);
    });

    it('names every bad field', async () => {
      await expect400(put('x', { email: 'not-an-email' }), 'email must be an email address (or null to remove it)');
      await expect400(put('x', { phone: '015112345678' }), 'phone must be an E.164 number such as +4915112345678 (or null to remove it)');
      await expect400(put('x', { timeZone: 'Mars/Olympus' }), 'timeZone must be an IANA time zone such as Europe/Berlin (or null to remove it)');
      await expect400(put('x', { language: 'not a language' }), 'language must be a language tag such as en or pt-BR (or null to remove it)');
      await expect400(put('x', { tags: 'vip' }), 'tags must be an object');
      await expect400(put('x', { tags: null }), 'tags must be an object');
      await expect400(put('x', { tags: { address: { city: 'Berlin' } } }), 'tags.address must be a string, number, boolean, a list of those, or null (to remove the tag)');
      await expect400(put('x', { tags: { list: [1, { a: 1 }] } }), 'tags.list must be a list of strings, numbers or booleans');
      await expect400(put('x', { optIns: { push: 'yes' } }), 'optIns.push must be true or false');
      await expect400(put('x', { optIns: { fax: true } }), 'optIns.property fax should not exist');
      await expect400(put('x', { optIns: null }), 'optIns must be an object');
      await expect400(put('x', { pushTokens: [{ token: 't', platform: 'symbian' }] }), 'pushTokens.0.platform must be one of web, android, ios');
      await expect400(put('x', { pushTokens: 'tok' }), 'pushTokens must be an array');
      await expect400(put('x', { nickname: 'X' }), 'property nickname should not exist');
      await expect400(put('x', { userId: 'y' }), 'property userId should not exist');
      await expect400(put('x'.repeat(257), {}), 'userId must be 1 to 256 characters long');
      await expect400(put('a\u0000b', {}), 'userId must not contain the NUL character (\\u0000)');
      await expect400(put('x', { tags: { note: 'nul \u0000' } }), 'tags.note must not contain the NUL character (\\u0000)');
      await expect400(put('x', { tags: { note: 'half \ud800' } }), 'tags.note must be valid Unicode text (it contains an unpaired surrogate)');
      await expect400(batch({ users: [{ userId: 'half \ud800' }] }), 'users[0].userId must be valid Unicode text (it contains an unpaired surrogate)');
      await expect400(put('x', [{ email: 'a@b.co' }]));
      const encoding = await t.http().put('/api/v1/users/%E0%A4%A').set(t.auth).send({});
      expect(encoding.status).toBe(400);
      const [row] = await t.db.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM users WHERE external_id = 'x'`);
      expect(row.count).toBe(0);
    });

    it('answers 400, not 500, for bodies nested thousands of levels deep', async () => {
      const deep = `{"tags":{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
      for (const request of [t.http().put(path('deep')), t.http().post('/api/v1/users/batch')]) {
        const response = await request.set(t.auth).set('content-type', 'application/json').send(deep).expect(400);
        expect(response.body).toMatchObject({ message: 'The request body is nested more than 200 levels deep' });
      }
    });

    it('accepts exactly 256 characters', async () => {
      await put('y'.repeat(256), {}).expect(200);
    });
  });

  describe('POST /api/v1/users/batch', () => {
    it('upserts many users in one go, entries of the same user applied in order', async () => {
      const response = await batch({
        users: [
          { userId: 'b1', tags: { a: 1, b: 2 }, optIns: { email: false } },
          { userId: 'b2', phone: '+14155550100' },
          { userId: 'b1', tags: { b: null, c: 3 }, email: 'b1@example.com', optIns: { sms: false } },
          { userId: 'b3' },
        ],
      }).expect(200);
      expect(response.body).toEqual({ upserted: 3, rejected: [] });
      const b1 = (await t.http().get(path('b1')).set(t.auth).expect(200)).body as UserBody;
      expect(b1).toMatchObject({ tags: { a: 1, c: 3 }, email: 'b1@example.com', optIns: { push: true, email: false, whatsapp: true, sms: false } });
      expect(b1.tags).not.toHaveProperty('b');

      await batch({ users: [{ userId: 'b1', tags: { a: 9 } }, { userId: 'b2', email: 'b2@example.com' }] }).expect(200);
      const again = (await t.http().get(path('b1')).set(t.auth).expect(200)).body as UserBody;
      expect(again).toMatchObject({ tags: { a: 9, c: 3 }, email: 'b1@example.com' });
      const b2 = (await t.http().get(path('b2')).set(t.auth).expect(200)).body as UserBody;
      expect(b2).toMatchObject({ phone: '+14155550100', email: 'b2@example.com' });
    });

    it('stores the good users and reports the bad ones by index with what is wrong', async () => {
      const before = await countUsers();
      const response = await batch({
        users: [
          { userId: 'good-1' },
          { userId: 'bad-phone', phone: '12345' },
          { userId: '' },
          'not a user',
          { userId: 'bad-many', email: 'x', optIns: { push: 1 }, pushTokens: [{ token: '', platform: 'ios' }], extra: true },
          { userId: 'good-2', email: 'good-2@example.com' },
        ],
      }).expect(200);
      expect(response.body).toEqual({
        upserted: 2,
        rejected: [
          { index: 1, errors: ['users[1].phone must be an E.164 number such as +4915112345678 (or null to remove it)'] },
          { index: 2, errors: ['users[2].userId must be 1 to 256 characters long'] },
          { index: 3, errors: ['users[3] must be an object'] },
          {
            index: 4,
            errors: expect.arrayContaining([
              'users[4].email must be an email address (or null to remove it)',
              'users[4].optIns.push must be true or false',
              'users[4].pushTokens[0].token must be 1 to 4096 characters long',
              'users[4].extra should not exist',
            ]) as unknown,
          },
        ],
      });
      expect(await countUsers()).toBe(before + 2);
      await t.http().get(path('good-1')).set(t.auth).expect(200);
      await t.http().get(path('bad-phone')).set(t.auth).expect(404);
    });

    it('stores 999 users of 1 000 and reports the one bad user', async () => {
      const users: unknown[] = Array.from({ length: 1000 }, (_, index) => ({ userId: `thousand-${index}`, tags: { n: index } }));
      users[617] = { userId: 'thousand-617', timeZone: 'Mars/Olympus_Mons' };
      const response = await batch({ users }).expect(200);
      expect(response.body).toEqual({
        upserted: 999,
        rejected: [{ index: 617, errors: ['users[617].timeZone must be an IANA time zone such as Europe/Berlin (or null to remove it)'] }],
      });
      const [row] = await t.db.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM users WHERE project_id = $1 AND external_id LIKE 'thousand-%'`,
        [t.projectId],
      );
      expect(row.count).toBe(999);
      await t.http().get(path('thousand-617')).set(t.auth).expect(404);
    });

    it('answers 400 and stores nothing when no user is valid, listing at most 100 problems', async () => {
      const before = await countUsers();
      const response = await batch({ users: Array.from({ length: 150 }, () => ({ userId: 'u', phone: 'x' })) }).expect(400);
      const body = response.body as { message: string[]; rejected: Array<{ index: number }> };
      expect(body.message).toHaveLength(101);
      expect(body.message[100]).toBe('...and 50 more problems');
      expect(body.rejected.map((user) => user.index)).toEqual(Array.from({ length: 150 }, (_, index) => index));
      expect(await countUsers()).toBe(before);
    });

    it('checks the batch itself', async () => {
      await expect400(batch({}), 'users must be an array');
      await expect400(batch({ users: {} }), 'users must be an array');
      await expect400(batch({ users: [] }), 'users must contain at least 1 user');
      await expect400(
        batch({ users: Array.from({ length: 10_001 }, (_, index) => ({ userId: `${index}` })) }),
        'users must contain at most 10000 users; split larger imports into several batches',
      );
      await expect400(batch({ users: [{ userId: 'a' }], mode: 'replace' }), 'property mode should not exist');
    });

    it('takes 10 000 compact users', async () => {
      const users = Array.from({ length: 10_000 }, (_, index) => ({ userId: `bulk-${index}`, tags: { n: index } }));
      const response = await batch({ users }).expect(200);
      expect(response.body).toEqual({ upserted: 10_000, rejected: [] });
      const [row] = await t.db.dataSource.query<{ count: number; sum: number }[]>(
        `SELECT count(*)::int AS count, sum((tags->>'n')::int)::int AS sum FROM users WHERE project_id = $1 AND external_id LIKE 'bulk-%'`,
        [t.projectId],
      );
      expect(row).toEqual({ count: 10_000, sum: (9_999 * 10_000) / 2 });
    });

    it('keeps projects apart', async () => {
      await batch({ users: [{ userId: 'shared-id', tags: { mine: true } }] }).expect(200);
      await t.http().post('/api/v1/users/batch').set(otherAuth).send({ users: [{ userId: 'shared-id', tags: { theirs: true } }] }).expect(200);
      const mine = (await t.http().get(path('shared-id')).set(t.auth).expect(200)).body as UserBody;
      expect(mine.tags).toEqual({ mine: true });
    });
  });

  describe('GET /api/v1/users/:userId', () => {
    it('returns the profile with journeys and the latest messages', async () => {
      await put('carol', { tags: { first_name: 'Carol' } }).expect(200);
      const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Keywords', graph: whatsappKeywordJourney }).expect(201))
        .body as { id: string };
      const version = (await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201)).body as { id: string };
      const sql = t.db.dataSource;
      const [{ id: userId }] = await sql.query<{ id: string }[]>(`SELECT id FROM users WHERE project_id = $1 AND external_id = 'carol'`, [
        t.projectId,
      ]);
      const [{ id: instanceId }] = await sql.query<{ id: string }[]>(
        `INSERT INTO journey_instances (project_id, journey_id, version_id, user_id, snapshot, current_node_id)
         VALUES ($1, $2, $3, $4, '{}', 'help-reply') RETURNING id`,
        [t.projectId, journey.id, version.id, userId],
      );
      for (let index = 0; index < 105; index++) {
        await sql.query(
          `INSERT INTO messages (project_id, user_id, journey_id, instance_id, node_id, channel, status, status_history, idempotency_key, created_at)
           VALUES ($1, $2, $3, $4, 'help-reply', 'whatsapp', 'delivered', $5, $6, now() - make_interval(secs => $7))`,
          [
            t.projectId,
            userId,
            journey.id,
            instanceId,
            JSON.stringify([{ status: 'sent', at: '2025-01-01T00:00:00.000Z' }, { status: 'delivered', at: '2025-01-01T00:00:01.000Z' }]),
            `carol:${index}`,
            index,
          ],
        );
      }

      const response = await t.http().get(path('carol')).set(t.auth).expect(200);
      const body = response.body as UserBody & { journeys: unknown[]; messages: { createdAt: string }[] };
      expect(body).toMatchObject({ userId: 'carol', tags: { first_name: 'Carol' } });
      expect(body.journeys).toEqual([
        {
          id: instanceId,
          journeyId: journey.id,
          journeyName: 'Keywords',
          version: 1,
          status: 'active',
          currentNodeId: 'help-reply',
          enteredAt: anyString,
          endedAt: null,
        },
      ]);
      expect(body.messages).toHaveLength(100);
      expect(body.messages[0]).toEqual({
        id: anyString,
        channel: 'whatsapp',
        journeyId: journey.id,
        nodeId: 'help-reply',
        status: 'delivered',
        statusHistory: [
          { status: 'sent', at: '2025-01-01T00:00:00.000Z' },
          { status: 'delivered', at: '2025-01-01T00:00:01.000Z' },
        ],
        createdAt: anyString,
      });
      const times = body.messages.map((message) => message.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it("answers 404 for unknown users and other projects' users", async () => {
      const unknown = await t.http().get(path('nobody')).set(t.auth).expect(404);
      expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No user "nobody" in this project' });
      await put('only-mine', {}).expect(200);
      await t.http().get(path('only-mine')).set(otherAuth).expect(404);
    });
  });

  describe('DELETE /api/v1/users/:userId', () => {
    it('erases the user with its events, instances, outbox rows, conversions and messages', async () => {
      await put('dave', { email: 'dave@example.com' }).expect(200);
      await put('erin', {}).expect(200);
      const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Erase', graph: whatsappKeywordJourney }).expect(201))
        .body as { id: string };
      const version = (await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201)).body as { id: string };
      const sql = t.db.dataSource;
      const seed = async (externalId: string): Promise<void> => {
        const [{ id: userId }] = await sql.query<{ id: string }[]>(`SELECT id FROM users WHERE project_id = $1 AND external_id = $2`, [
          t.projectId,
          externalId,
        ]);
        await sql.query(`INSERT INTO events (project_id, user_id, name, occurred_at) VALUES ($1, $2, 'PW_WhatsAppReceived', now())`, [
          t.projectId,
          userId,
        ]);
        const [{ id: instanceId }] = await sql.query<{ id: string }[]>(
          `INSERT INTO journey_instances (project_id, journey_id, version_id, user_id, snapshot, current_node_id)
           VALUES ($1, $2, $3, $4, '{}', 'help-reply') RETURNING id`,
          [t.projectId, journey.id, version.id, userId],
        );
        await sql.query(`INSERT INTO outbox (project_id, instance_id, kind, effect, due_at) VALUES ($1, $2, 'send', '{}', now())`, [
          t.projectId,
          instanceId,
        ]);
        await sql.query(`INSERT INTO conversions (project_id, journey_id, instance_id, goal_id, node_id) VALUES ($1, $2, $3, 'g', 'help-reply')`, [
          t.projectId,
          journey.id,
          instanceId,
        ]);
        await sql.query(
          `INSERT INTO messages (project_id, user_id, journey_id, instance_id, node_id, channel, idempotency_key)
           VALUES ($1, $2, $3, $4, 'help-reply', 'whatsapp', $5)`,
          [t.projectId, userId, journey.id, instanceId, `erase:${externalId}`],
        );
      };
      await seed('dave');
      await seed('erin');
      const counts = async () =>
        (
          await sql.query<Record<string, number>[]>(
            `SELECT (SELECT count(*) FROM users WHERE external_id IN ('dave', 'erin'))::int AS users,
                    (SELECT count(*) FROM events)::int AS events,
                    (SELECT count(*) FROM journey_instances WHERE journey_id = $1)::int AS instances,
                    (SELECT count(*) FROM outbox o JOIN journey_instances i ON i.id = o.instance_id WHERE i.journey_id = $1)::int AS outbox,
                    (SELECT count(*) FROM outbox)::int AS all_outbox,
                    (SELECT count(*) FROM conversions WHERE journey_id = $1)::int AS conversions,
                    (SELECT count(*) FROM messages WHERE journey_id = $1)::int AS messages`,
            [journey.id],
          )
        )[0];
      const before = await counts();
      expect(before).toMatchObject({ users: 2, events: 2, instances: 2, outbox: 2, conversions: 2, messages: 2 });

      await t.http().delete(path('dave')).set(t.auth).expect(204);
      expect(await counts()).toEqual({
        users: 1,
        events: 1,
        instances: 1,
        outbox: 1,
        all_outbox: before.all_outbox - 1,
        conversions: 1,
        messages: 1,
      });
      await t.http().get(path('dave')).set(t.auth).expect(404);
      const again = await t.http().delete(path('dave')).set(t.auth).expect(404);
      expect(again.body).toMatchObject({ message: 'No user "dave" in this project' });
    });

    it("answers 404 for another project's user and keeps it", async () => {
      await put('frank', {}, otherAuth).expect(200);
      const response = await t.http().delete(path('frank')).set(t.auth).expect(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No user "frank" in this project' });
      await t.http().get(path('frank')).set(otherAuth).expect(200);
      await t.http().delete(path('x'.repeat(257))).set(t.auth).expect(400);
    });
  });
});
