import { startTestApp, type TestApp } from './test-app';

describe('POST /api/v1/events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: unknown) => t.http().post('/api/v1/events').set(t.auth).send(body as object);
  const messageOf = (response: { body: unknown }) => (response.body as { message: unknown }).message;
  const eventCount = async () => (await t.db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM events`))[0].n;

  it('stores one event, creating its user, and answers 202', async () => {
    const before = await eventCount();
    const response = await post({ userId: 'alice', name: 'Purchase', attributes: { amount: 42 } }).expect(202);
    expect(response.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await eventCount()).toBe(before + 1);
    const [user] = await t.db.dataSource.query<Array<{ external_id: string }>>(`SELECT external_id FROM users WHERE external_id = 'alice'`);
    expect(user).toEqual({ external_id: 'alice' });
  });

  it('stores the good events of a batch and reports the bad ones by index', async () => {
    const before = await eventCount();
    const response = await post({
      events: [
        { userId: 'bob', name: 'Signup' },
        { userId: 'bob', name: 42 },
        { userId: 'bob', name: 'Signup', colour: 'red' },
        { userId: 'bob', name: 'PW_Unknown' },
        { userId: 'bob', name: 'Viewed', timestamp: 'yesterday' },
        'not an event',
        { userId: 'bob', name: 'Viewed', timestamp: '2026-11-27T10:00:00Z', attributes: { page: '/' } },
      ],
    }).expect(202);
    expect(response.body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, errors: expect.arrayContaining(['events[1].name must be a string']) as unknown },
        { index: 2, errors: ['events[2].property colour should not exist'] },
        { index: 3, errors: ['events[3].name may not start with "journey." and may start with "PW_" only for built-in events (PW_PushOpened, PW_EmailOpened, ...)'] },
        { index: 4, errors: ['events[4].timestamp must be an ISO 8601 date-time (2026-11-27T10:00:00Z) or epoch milliseconds'] },
        { index: 5, errors: ['events[5] must be an object'] },
      ],
    });
    expect(await eventCount()).toBe(before + 2);
  });

  it('refuses text PostgreSQL cannot store, keeping the good events', async () => {
    const response = await post({
      events: [
        { userId: 'nul', name: 'Typed', attributes: { text: 'a\u0000b' } },
        { userId: 'nul\u0000', name: 'Typed' },
        { userId: 'dave', name: 'Typed', attributes: { text: 'fine' } },
      ],
    }).expect(202);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, errors: ['events[0].attributes must not contain the NUL character (\\u0000)'] },
        { index: 1, errors: ['events[1].userId must not contain the NUL character (\\u0000)'] },
      ],
    });
  });

  it('accepts a repeated idempotency key and ignores it', async () => {
    const event = { userId: 'carol', name: 'Purchase', idempotencyKey: 'order-1' };
    expect((await post(event).expect(202)).body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await post({ events: [event, event] }).expect(202)).body).toMatchObject({ accepted: 2, duplicates: 2 });
    const rows = await t.db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM events WHERE idempotency_key = 'order-1'`);
    expect(rows[0].n).toBe(1);
  });

  it('answers 400 naming the problem when nothing in the body is usable', async () => {
    expect(messageOf(await post({ userId: '', name: 'X' }).expect(400))).toEqual(['userId must be longer than or equal to 1 characters']);
    expect(messageOf(await post({ events: [] }).expect(400))).toBe('events must contain at least 1 event');
    expect(messageOf(await post({ events: 'x' }).expect(400))).toBe('events must be an array');
    expect(messageOf(await post([1, 2]).expect(400))).toBe('The body must be one event object or { "events": [ ... ] }');
    const tooMany = Array.from({ length: 1001 }, () => ({ userId: 'u', name: 'E' }));
    expect(messageOf(await post({ events: tooMany }).expect(400))).toBe('events must contain at most 1000 events, got 1001');
  });

  it('answers 401 without a valid key, and 400 (not 500) for a body nested thousands of levels deep', async () => {
    await t.http().post('/api/v1/events').send({ userId: 'a', name: 'b' }).expect(401);
    await t.http().post('/api/v1/events').set({ Authorization: 'Bearer jk_wrong' }).send({ userId: 'a', name: 'b' }).expect(401);
    let deep: unknown = 'leaf';
    for (let level = 0; level < 5000; level++) deep = { d: deep };
    const response = await post({ userId: 'deep', name: 'Deep', attributes: deep });
    expect(response.status).toBe(400);
  });
});
