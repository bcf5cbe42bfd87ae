import { startTestApp, type TestApp } from './test-app';

/** Bodies that once answered 500 (issue 11): each is now a 400 naming the field, and nothing of it is stored. */
describe('hostile bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Raw JSON text, so keys such as __proto__ reach the server as written. */
  const send = (method: 'post' | 'put', path: string, json: string) =>
    t.http()[method](path).set(t.auth).set('Content-Type', 'application/json').send(json);
  const count = async (table: string) => (await t.db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const messages = (body: unknown): string => JSON.stringify(body);

  describe('POST /api/v1/events', () => {
    const hostileEvents: Array<[string, string, string]> = [
      ['an attribute named constructor', '{"userId":"u","name":"E","attributes":{"constructor":"McLaren"}}', 'attributes.constructor'],
      ['a nested attribute named constructor', '{"userId":"u","name":"E","attributes":{"car":{"parts":[{"constructor":"x"}]}}}', 'attributes.car.parts[0].constructor'],
      ['an attribute named __proto__', '{"userId":"u","name":"E","attributes":{"__proto__":{"admin":true}}}', 'attributes.__proto__'],
      ['a name that is an object with a constructor key', '{"userId":"u","name":{"constructor":{}}}', 'name.constructor'],
      ['a userId that is an object with a constructor key', '{"userId":{"constructor":"x"},"name":"E"}', 'userId.constructor'],
      ['an idempotencyKey that is an object with a constructor key', '{"userId":"u","name":"E","idempotencyKey":{"constructor":1}}', 'idempotencyKey.constructor'],
      ['a null timestamp', '{"userId":"u","name":"E","timestamp":null}', 'timestamp'],
      ['a timestamp of 1e308', '{"userId":"u","name":"E","timestamp":1e308}', 'timestamp'],
      ['a timestamp past the last date', '{"userId":"u","name":"E","timestamp":8640000000000001}', 'timestamp'],
      ['an ISO timestamp past the last date', '{"userId":"u","name":"E","timestamp":"+275760-09-13T00:00:00.001Z"}', 'timestamp'],
    ];

    it.each(hostileEvents)('refuses %s with a 400 naming the field, storing nothing', async (_what, json, field) => {
      const before = await count('events');
      const response = await send('post', '/api/v1/events', json);
      expect(response.status).toBe(400);
      expect(messages(response.body)).toContain(field);
      expect(await count('events')).toBe(before);
    });

    it('stores the good events of a batch and reports every hostile one by index', async () => {
      const before = await count('events');
      const good = '{"userId":"hostile-batch","name":"Good"}';
      const json = `{"events":[${good},${hostileEvents.map(([, event]) => event).join(',')},${good}]}`;
      const response = await send('post', '/api/v1/events', json).expect(202);
      const body = response.body as { accepted: number; rejected: Array<{ index: number; errors: string[] }> };
      expect(body.accepted).toBe(2);
      expect(body.rejected.map((rejected) => rejected.index)).toEqual(hostileEvents.map((_, index) => index + 1));
      hostileEvents.forEach(([, , field], index) => {
        expect(body.rejected[index].errors.join(' ')).toContain(`events[${index + 1}].${field}`);
      });
      expect(await count('events')).toBe(before + 2);
    });
  });

  describe('users', () => {
    const hostileFields: Array<[string, string, string]> = [
      ['optIns as [{}]', '{"optIns":[{}]}', 'optIns'],
      ['optIns as [null]', '{"optIns":[null]}', 'optIns'],
      ['email as an object with a constructor key', '{"email":{"constructor":{}}}', 'email.constructor'],
      ['phone as an object with a constructor key', '{"phone":{"constructor":"x"}}', 'phone.constructor'],
      ['timeZone as an object with a constructor key', '{"timeZone":{"constructor":[]}}', 'timeZone.constructor'],
      ['a tag named constructor', '{"tags":{"constructor":"x"}}', 'tags.constructor'],
      ['a top-level constructor key', '{"constructor":{"name":"x"}}', 'constructor'],
      ['a top-level __proto__ key', '{"__proto__":{"email":"a@example.com"}}', '__proto__'],
      ['an email with an unpaired surrogate', '{"email":"a\\ud800@example.com"}', 'email must be valid Unicode text'],
    ];

    it.each(hostileFields)('PUT /users/:id refuses %s with a 400 naming the field, storing nothing', async (_what, json, field) => {
      const before = await count('users');
      const response = await send('put', '/api/v1/users/hostile-one', json);
      expect(response.status).toBe(400);
      expect(messages(response.body)).toContain(field);
      expect(await count('users')).toBe(before);
    });

    it.each(hostileFields)('POST /users/batch stores the good users of a batch with %s and reports the bad one by index', async (_what, json, field) => {
      const hostileUser = `{"userId":"hostile-in-batch",${json.slice(1)}`;
      const response = await send('post', '/api/v1/users/batch', `{"users":[{"userId":"fine"},${hostileUser}]}`);
      expect(response.status).toBe(200);
      const body = response.body as { upserted: number; rejected: Array<{ index: number; errors: string[] }> };
      expect(body.upserted).toBe(1);
      expect(body.rejected.map((user) => user.index)).toEqual([1]);
      expect(messages(body.rejected[0].errors)).toContain(`users[1].${field}`);
      const stored = await t.db.dataSource.query<Array<{ external_id: string }>>(
        `SELECT external_id FROM users WHERE project_id = $1 AND external_id IN ('fine', 'hostile-in-batch')`,
        [t.projectId],
      );
      expect(stored).toEqual([{ external_id: 'fine' }]);
    });

    it('POST /users/batch refuses a prototype-named key beside users, storing nothing', async () => {
      const before = await count('users');
      const response = await send('post', '/api/v1/users/batch', '{"users":[{"userId":"beside"}],"constructor":{"a":1}}');
      expect(response.status).toBe(400);
      expect(messages(response.body)).toContain('constructor: a key may not be named constructor');
      expect(await count('users')).toBe(before);
    });
  });

  describe('PUT /api/v1/channels/:channel', () => {
    const hostileSettings: Array<[string, string, string, string]> = [
      ['a string field as {"constructor":{}}', 'email', '{"provider":"smtp","smtpUrl":{"constructor":{}},"from":"a@example.com"}', 'smtpUrl.constructor'],
      ['a provider as {"constructor":{}}', 'email', '{"provider":{"constructor":{}}}', 'provider.constructor'],
      [
        'an FCM service account with a constructor key',
        'push',
        '{"provider":"fcm","serviceAccount":{"project_id":"p","client_email":"a@p.iam.gserviceaccount.com","private_key":"k","constructor":"x"}}',
        'serviceAccount.constructor',
      ],
      ['a top-level constructor key', 'email', '{"provider":"sandbox","constructor":{"a":1}}', 'constructor'],
      ['tags with a constructor key', 'sms', '{"provider":"sandbox","tags":{"constructor":"x"}}', 'tags.constructor'],
      ['a push fcm as [{}]', 'push', '{"provider":"push","fcm":[{}]}', 'fcm'],
      ['a push webpush as [null]', 'push', '{"provider":"push","webpush":[null]}', 'webpush'],
      ['an FCM service account as [{}]', 'push', '{"provider":"fcm","serviceAccount":[{}]}', 'serviceAccount'],
    ];

    it.each(hostileSettings)('refuses %s with a 400 naming the field, storing nothing', async (_what, channel, json, field) => {
      const before = await count('channel_settings');
      const response = await send('put', `/api/v1/channels/${channel}`, json);
      expect(response.status).toBe(400);
      expect(messages(response.body)).toContain(field);
      expect(await count('channel_settings')).toBe(before);
    });
  });
});
