import { startTestApp, type TestApp } from './test-app';

describe('tags', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (userId: string, body: unknown) => t.http().put(`/api/v1/users/${encodeURIComponent(userId)}`).set(t.auth).send(body as object);
  const catalogue = async () => (await t.http().get('/api/v1/tags').set(t.auth).expect(200)).body as Array<{ name: string; type: string; description: string }>;
  const tagsOf = async (userId: string) =>
    (await t.db.dataSource.query<Array<{ tags: Record<string, unknown> }>>(`SELECT tags FROM users WHERE project_id = $1 AND external_id = $2`, [t.projectId, userId]))[0]?.tags;

  it('types tags of every kind on their first write and enforces the types from then on', async () => {
    await put('ada', {
      tags: { plan: 'pro', visits: 3, score: 2.5, vip: true, since: '2026-01-15', cuisines: ['asian', 'italian'] },
    }).expect(200);
    expect((await catalogue()).map(({ name, type }) => ({ name, type }))).toEqual([
      { name: 'cuisines', type: 'list' },
      { name: 'plan', type: 'string' },
      { name: 'score', type: 'decimal' },
      { name: 'since', type: 'date' },
      { name: 'vip', type: 'boolean' },
      { name: 'visits', type: 'integer' },
    ]);

    const wrong: Array<[string, unknown, string]> = [
      ['plan', 7, 'must be a string, not 7'],
      ['visits', 3.5, 'must be an integer, not 3.5'],
      ['score', '2.5', 'must be a number, not "2.5"'],
      ['vip', 'yes', 'must be true or false, not "yes"'],
      ['since', '15.01.2026', 'must be an ISO 8601 date such as 2026-03-01 or 2026-03-01T09:30:00Z, not "15.01.2026"'],
      ['cuisines', ['asian', 1], 'must be a list of strings, not ["asian",1]'],
    ];
    for (const [tag, value, problem] of wrong) {
      const response = await put('ada', { tags: { [tag]: value }, email: 'ada@example.com' }).expect(422);
      expect((response.body as { message: unknown }).message).toEqual([`User "ada".tags.${tag} ${problem}`]);
    }
    // Nothing of the refused writes was stored, not even the email that came with them.
    expect(await tagsOf('ada')).toEqual({ plan: 'pro', visits: 3, score: 2.5, vip: true, since: '2026-01-15', cuisines: ['asian', 'italian'] });

    await put('ada', { tags: { visits: 4, score: 3, since: '2026-02-01T10:00:00Z', cuisines: [], plan: null } }).expect(200);
    expect(await tagsOf('ada')).toEqual({ visits: 4, score: 3, vip: true, since: '2026-02-01T10:00:00Z', cuisines: [] });
  });

  it('writes the good users of a batch and reports the wrong-typed ones by index (422 when none is good)', async () => {
    const response = await t
      .http()
      .post('/api/v1/users/batch')
      .set(t.auth)
      .send({ users: [{ userId: 'b1', tags: { level: 1 } }, { userId: 'b2', tags: { level: 'high' } }, { userId: 'b3', tags: { level: 2, plan: 3 } }, { userId: 'b4', tags: { vip: false } }] })
      .expect(200);
    expect(response.body).toEqual({
      upserted: 2,
      rejected: [
        { index: 1, errors: ['users[1].tags.level must be an integer, not "high"'] },
        { index: 2, errors: ['users[2].tags.plan must be a string, not 3'] },
      ],
    });
    expect(await tagsOf('b1')).toEqual({ level: 1 });
    expect(await tagsOf('b2')).toBeUndefined();
    expect(await tagsOf('b3')).toBeUndefined();

    const none = await t.http().post('/api/v1/users/batch').set(t.auth).send({ users: [{ userId: 'b5', tags: { level: 'x' } }] }).expect(422);
    expect((none.body as { rejected: unknown }).rejected).toEqual([{ index: 0, errors: ['users[0].tags.level must be an integer, not "x"'] }]);
  });

  it('creates, describes, retypes and deletes tags', async () => {
    const created = await t.http().post('/api/v1/tags').set(t.auth).send({ name: 'birthday', type: 'date', description: 'Day of birth' }).expect(201);
    expect(created.body).toEqual({ name: 'birthday', type: 'date', description: 'Day of birth', createdAt: expect.any(String) as unknown });
    await t.http().post('/api/v1/tags').set(t.auth).send({ name: 'birthday', type: 'string' }).expect(409);
    const bad = await t.http().post('/api/v1/tags').set(t.auth).send({ name: '', type: 'colour' }).expect(400);
    expect((bad.body as { message: unknown }).message).toEqual(expect.arrayContaining(['name must be 1 to 128 characters long', 'type must be one of string, integer, decimal, boolean, date, list']));

    await put('carl', { tags: { birthday: 'soon' } }).expect(422);
    await put('carl', { tags: { birthday: '1990-04-01' } }).expect(200);

    const patched = await t.http().patch('/api/v1/tags/birthday').set(t.auth).send({ description: 'Born on' }).expect(200);
    expect(patched.body).toMatchObject({ name: 'birthday', type: 'date', description: 'Born on' });
    // 'visits' is held as integers: decimal fits them all, boolean fits none.
    await t.http().patch('/api/v1/tags/visits').set(t.auth).send({ type: 'decimal' }).expect(200);
    const conflict = await t.http().patch('/api/v1/tags/visits').set(t.auth).send({ type: 'boolean' }).expect(409);
    expect((conflict.body as { message: unknown }).message).toBe('The tag "visits" cannot become boolean: 1 user holds a value that is not true or false');
    const levels = await t.http().patch('/api/v1/tags/level').set(t.auth).send({ type: 'string' }).expect(409);
    expect((levels.body as { message: unknown }).message).toBe('The tag "level" cannot become string: 1 user holds a value that is not a string');
    await t.http().patch('/api/v1/tags/nope').set(t.auth).send({ description: 'x' }).expect(404);

    await t.http().delete('/api/v1/tags/birthday').set(t.auth).expect(204);
    await t.http().delete('/api/v1/tags/birthday').set(t.auth).expect(404);
    expect((await catalogue()).map((tag) => tag.name)).not.toContain('birthday');
  });

  it('keeps default tags: first and last seen, country from the phone, reachability, message counts', async () => {
    await put('dora', { phone: '+919876543210' }).expect(200);
    const before = (await t.http().get('/api/v1/users/dora').set(t.auth).expect(200)).body as Record<string, unknown>;
    expect(before).toMatchObject({ country: 'IN', lastSeenAt: null, reachable: { whatsapp: true, sms: true, email: false, push: false }, messageCounts: { received: 0, opened: 0 } });
    await t.http().post('/api/v1/events').set(t.auth).send({ userId: 'dora', name: 'Visit' }).expect(202);
    const after = (await t.http().get('/api/v1/users/dora').set(t.auth).expect(200)).body as { lastSeenAt: string; createdAt: string };
    expect(Date.parse(after.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(after.createdAt));
  });
});
