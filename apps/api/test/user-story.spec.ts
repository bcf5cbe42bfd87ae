import { type JourneyGraph, type JourneySettings } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { startTestApp, type TestApp } from './test-app';

interface Send {
  messageId: string | null;
  nodeId: string | null;
  channel: string;
  status: string | null;
  statusHistory: Array<{ status: string }>;
  state: string;
  cause?: string;
  reason?: string;
}
interface Step {
  kind: string;
  node?: string;
  via?: string;
  heldUntil?: string;
  at: string;
}
interface Story {
  user: { userId: string; tags: Record<string, unknown> };
  reachability: Array<{ channel: string; reachable: boolean; reason?: string }>;
  events: Array<{ id: string; name: string; occurredAt: string }>;
  eventsNextCursor: string | null;
  journeys: Array<{ journeyName: string; version: number; status: string; currentNodeId: string; steps: Step[]; stepsDropped: number; sends: Send[] }>;
  messages: Send[];
}
interface UserList {
  users: Array<{ userId: string; email: string | null; phone: string | null; lastSeenAt: string }>;
  nextCursor: string | null;
}

const position = { x: 0, y: 0 };

/** Signup -> email -> push -> vip? (yes: exit-vip, no: exit), at most 1 email or push a day. */
const welcome: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    { id: 'signup', type: 'entry.event', data: { event: 'Signup' }, position },
    { id: 'email', type: 'send.email', data: { subject: 'Welcome', html: '<p>Hi</p>' }, position },
    { id: 'push', type: 'send.push', data: { title: 'Welcome', body: 'Hi' }, position },
    { id: 'vip', type: 'branch.condition', data: { condition: { field: 'tags.vip', op: 'eq', value: true } }, position },
    { id: 'exit-vip', type: 'exit', data: {}, position },
    { id: 'exit', type: 'exit', data: {}, position },
  ],
  edges: [
    { id: 'e1', source: 'signup', sourceHandle: 'next', target: 'email' },
    { id: 'e2', source: 'email', sourceHandle: 'next', target: 'push' },
    { id: 'e3', source: 'push', sourceHandle: 'next', target: 'vip' },
    { id: 'e4', source: 'vip', sourceHandle: 'yes', target: 'exit-vip' },
    { id: 'e5', source: 'vip', sourceHandle: 'no', target: 'exit' },
  ],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [], frequencyCap: { maxMessages: 1, period: '1d', channels: ['email', 'push'] } },
};

/** Silent hours for push from an hour ago to three hours ahead, every day (UTC). */
function silentNow(): JourneySettings['silentHours'] {
  const hhmm = (date: Date) => date.toISOString().slice(11, 16);
  return { channels: ['push'], windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: hhmm(new Date(Date.now() - 3_600_000)), to: hhmm(new Date(Date.now() + 3 * 3_600_000)) }], fallbackTimeZone: 'UTC' };
}

/** Browse -> push -> exit, with push silent now. */
const evening = (): JourneyGraph => ({
  formatVersion: 1,
  nodes: [
    { id: 'browse', type: 'entry.event', data: { event: 'Browse' }, position },
    { id: 'push', type: 'send.push', data: { title: 'Still there?', body: 'Hi' }, position },
    { id: 'exit', type: 'exit', data: {}, position },
  ],
  edges: [
    { id: 'e1', source: 'browse', sourceHandle: 'next', target: 'push' },
    { id: 'e2', source: 'push', sourceHandle: 'next', target: 'exit' },
  ],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [], silentHours: silentNow() },
});

describe("a user's story and the users list", () => {
  let t: TestApp;
  let eveningId: string;
  const token = (user: string) => [{ token: `token-${user}`, platform: 'android' }];

  beforeAll(async () => {
    t = await startTestApp({ execution: { runWorkers: true } });
    for (const [name, graph] of [['Welcome', welcome], ['Evening', evening()]] as const) {
      const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name, graph }).expect(201)).body as { id: string };
      await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201);
      if (name === 'Evening') eveningId = journey.id;
    }
    await t.http().put('/api/v1/users/olga').set(t.auth).send({ email: 'olga@example.com', optIns: { email: false }, pushTokens: token('olga'), phone: '+4915112345678' }).expect(200);
    await t.http().put('/api/v1/users/fred').set(t.auth).send({ email: 'Fred@Example.com', pushTokens: token('fred'), tags: { vip: true } }).expect(200);
    await t.http().put('/api/v1/users/sam').set(t.auth).send({ timeZone: 'UTC', pushTokens: token('sam'), phone: '+4915199999999' }).expect(200);
    await t
      .http()
      .post('/api/v1/events')
      .set(t.auth)
      .send({ events: [{ userId: 'olga', name: 'Signup' }, { userId: 'fred', name: 'Signup' }, { userId: 'sam', name: 'Browse' }] })
      .expect(202);
    await eventually(async () => (await instanceStatuses()).join() === 'active,completed,completed', 20_000, 'olga and fred through, sam held');
  });
  afterAll(async () => {
    await t.close();
  });

  async function instanceStatuses(): Promise<string[]> {
    const rows = await t.db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM journey_instances ORDER BY status`);
    return rows.map((row) => row.status);
  }
  const story = async (userId: string, query = '') => (await t.http().get(`/api/v1/users/${userId}/story${query}`).set(t.auth).expect(200)).body as Story;
  const list = async (query: string) => (await t.http().get(`/api/v1/users${query}`).set(t.auth).expect(200)).body as UserList;

  it('tells why an email was not sent to a user who opted out, and each step with its outcome', async () => {
    const olga = await story('olga');
    expect(olga.reachability).toEqual([
      { channel: 'push', reachable: true },
      { channel: 'email', reachable: false, reason: 'the user opted out of email' },
      { channel: 'whatsapp', reachable: true },
      { channel: 'sms', reachable: true },
    ]);
    expect(olga.events.map((event) => event.name)).toEqual(['Signup']);
    const [journey] = olga.journeys;
    expect(journey).toMatchObject({ journeyName: 'Welcome', version: 1, status: 'completed', currentNodeId: 'exit', stepsDropped: 0 });
    expect(journey.steps.map((step) => `${step.kind}${step.node ? `:${step.node}` : ''}${step.via ? `(${step.via})` : ''}`)).toEqual([
      'entered:signup',
      'reached:email',
      'send-asked:email',
      'send-outcome:email',
      'reached:push',
      'send-asked:push',
      'send-outcome:push',
      'reached:vip',
      'reached:exit(no)',
      'exited:exit',
    ]);
    expect(journey.sends).toEqual([
      expect.objectContaining({
        nodeId: 'email',
        channel: 'email',
        status: 'suppressed',
        state: 'suppressed',
        cause: 'opted-out',
        reason: 'Not sent: the user opted out of email.',
      }),
      expect.objectContaining({ nodeId: 'push', channel: 'push', status: 'sent', state: 'sent', statusHistory: [expect.objectContaining({ status: 'queued' }), expect.objectContaining({ status: 'sent' })] }),
    ]);
    expect(journey.sends[1].reason).toBeUndefined();
  });

  it('tells a push was not sent because of the frequency cap, and which way the condition went', async () => {
    const [journey] = (await story('fred')).journeys;
    expect(journey.steps.filter((step) => step.kind === 'reached').map((step) => `${step.node}${step.via ? `(${step.via})` : ''}`)).toEqual([
      'email',
      'push',
      'vip',
      'exit-vip(yes)',
    ]);
    expect(journey.sends.map(({ nodeId, state, cause, reason }) => ({ nodeId, state, cause, reason }))).toEqual([
      { nodeId: 'email', state: 'sent', cause: undefined, reason: undefined },
      { nodeId: 'push', state: 'suppressed', cause: 'frequency-cap', reason: 'Not sent: frequency cap of 1 per 1d reached.' },
    ]);
  });

  it('tells a push is held for silent hours until their end in the user\'s time zone', async () => {
    const [journey] = (await story('sam')).journeys;
    expect(journey).toMatchObject({ journeyName: 'Evening', status: 'active', currentNodeId: 'push' });
    const asked = journey.steps.find((step) => step.kind === 'send-asked')!;
    expect(asked.heldUntil).toBeDefined();
    const until = new Date(asked.heldUntil!).toISOString().slice(11, 16);
    expect(journey.sends).toEqual([expect.objectContaining({ messageId: null, nodeId: 'push', status: null, state: 'held', cause: 'silent-hours' })]);
    // "until 02:00 on Fri 4 Dec" when the silent hours end tomorrow.
    expect(journey.sends[0].reason).toMatch(new RegExp(`^Held for silent hours until ${until}( on [^)]+)? in the user's time zone \\(UTC\\)\\.$`));
  });

  it("tells a provider's failure with its code and Meta's words", async () => {
    const [{ id: userId }] = await t.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM users WHERE external_id = 'sam'`);
    const detail = 'Meta error 131026 (Message undeliverable): The recipient may not have WhatsApp.';
    await t.db.dataSource.query(
      `INSERT INTO messages (project_id, user_id, channel, status, status_history, idempotency_key, error)
       VALUES ($1, $2, 'whatsapp', 'failed', $3, 'api:sam:1', $4)`,
      [t.projectId, userId, JSON.stringify([{ status: 'sent', at: '2026-01-01T00:00:00.000Z' }, { status: 'failed', at: '2026-01-01T00:00:01.000Z', detail }]), detail],
    );
    expect((await story('sam')).messages).toEqual([
      expect.objectContaining({ channel: 'whatsapp', status: 'failed', state: 'failed', cause: 'provider-error', reason: `The provider refused it: ${detail}` }),
    ]);
  });

  it('pages the events timeline newest first', async () => {
    const accepted = await t
      .http()
      .post('/api/v1/events')
      .set(t.auth)
      .send({ events: [1, 2, 3].map((n) => ({ userId: 'fred', name: `Viewed${n}`, timestamp: Date.now() - (4 - n) * 100 })) });
    expect(accepted.status).toBe(202);
    const first = await story('fred', '?eventsLimit=2');
    expect(first.events.map((event) => event.name)).toEqual(['Viewed3', 'Viewed2']);
    const second = await story('fred', `?eventsLimit=2&eventsCursor=${first.eventsNextCursor!}`);
    expect(second.events.map((event) => event.name)).toEqual(['Viewed1', 'Signup']);
    expect(second.eventsNextCursor).toBeNull();
    const bad = await t.http().get('/api/v1/users/fred/story?eventsCursor=nonsense').set(t.auth).expect(400);
    expect(bad.body).toMatchObject({ message: expect.stringContaining('eventsCursor is not a cursor') as unknown });
    await t.http().get('/api/v1/users/fred/story?eventsLimit=0').set(t.auth).expect(400);
    await t.http().get('/api/v1/users/nobody/story').set(t.auth).expect(404);
  });

  it('lists users last seen first, a keyset page at a time', async () => {
    // Their events came in one batch (one last-seen time, refreshed at most once a minute): set them apart.
    await t.db.dataSource.query(
      `UPDATE users SET last_seen_at = now() - make_interval(mins => CASE external_id WHEN 'sam' THEN 1 WHEN 'fred' THEN 2 ELSE 3 END) WHERE project_id = $1`,
      [t.projectId],
    );
    const all = await list('');
    expect(all.users.map((user) => user.userId)).toEqual(['sam', 'fred', 'olga']);
    const first = await list('?limit=2');
    expect(first.users.map((user) => user.userId)).toEqual(['sam', 'fred']);
    const second = await list(`?limit=2&cursor=${first.nextCursor!}`);
    expect(second).toEqual({ users: [expect.objectContaining({ userId: 'olga', email: 'olga@example.com', phone: '+4915112345678' })], nextCursor: null });
    await t.http().get('/api/v1/users?cursor=nonsense').set(t.auth).expect(400);
  });

  it('searches by a prefix of the id, the phone number or the email', async () => {
    const ids = async (search: string) => (await list(`?search=${encodeURIComponent(search)}`)).users.map((user) => user.userId);
    expect(await ids('fr')).toEqual(['fred']);
    expect(await ids('fred@EXAMPLE')).toEqual(['fred']);
    expect(await ids('49 151 12')).toEqual(['olga']);
    expect(await ids('+49151')).toEqual(['sam', 'olga']);
    expect(await ids('%')).toEqual([]);
  });

  it('lists the users currently at a step of a journey', async () => {
    expect((await list(`?journeyId=${eveningId}&nodeId=push`)).users.map((user) => user.userId)).toEqual(['sam']);
    expect((await list(`?journeyId=${eveningId}&nodeId=exit`)).users).toEqual([]);
    const half = await t.http().get(`/api/v1/users?journeyId=${eveningId}`).set(t.auth).expect(400);
    expect(JSON.stringify(half.body)).toContain('nodeId must be a node id, given together with journeyId');
    await t.http().get('/api/v1/users?journeyId=not-a-uuid&nodeId=push').set(t.auth).expect(400);
  });

  it('lists the users in a saved segment', async () => {
    const created = await t.http().post('/api/v1/segments').set(t.auth).send({ name: 'VIPs', condition: { field: 'tags.vip', op: 'eq', value: true } }).expect(201);
    const segmentId = (created.body as { id: string }).id;
    expect((await list(`?segmentId=${segmentId}`)).users.map((user) => user.userId)).toEqual(['fred']);
    expect((await list(`?segmentId=${segmentId}&search=sam`)).users).toEqual([]);
    await t.http().get('/api/v1/users?segmentId=00000000-0000-4000-8000-000000000000').set(t.auth).expect(404);
    const bad = await t.http().get('/api/v1/users?segmentId=vips').set(t.auth).expect(400);
    expect(JSON.stringify(bad.body)).toContain('segmentId must be a segment id (a UUID)');
  });

  it('erases the whole story with the user (GDPR)', async () => {
    const [{ id: userId }] = await t.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM users WHERE external_id = 'olga'`);
    await t.http().delete('/api/v1/users/olga').set(t.auth).expect(204);
    await t.http().get('/api/v1/users/olga/story').set(t.auth).expect(404);
    const [left] = await t.db.dataSource.query<Array<Record<string, number>>>(
      `SELECT (SELECT count(*) FROM journey_instances WHERE user_id = $1)::int AS instances,
              (SELECT count(*) FROM events WHERE user_id = $1)::int AS events,
              (SELECT count(*) FROM messages WHERE user_id = $1)::int AS messages`,
      [userId],
    );
    expect(left).toEqual({ instances: 0, events: 0, messages: 0 });
    expect((await list('?search=olga')).users).toEqual([]);
  });
});
