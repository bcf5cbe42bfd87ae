import { whatsappKeywordJourney } from '@engine/journey';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';

interface MessageView {
  id: string;
  createdAt: string;
  channel: string;
  provider: string;
  status: string;
  statusHistory: unknown[];
  userId: string;
  journeyId: string | null;
  journeyName: string | null;
  nodeId: string | null;
  content: Record<string, unknown>;
  error: string | null;
  providerMessageId: string | null;
}

interface MessagePage {
  messages: MessageView[];
  nextBefore: string | null;
}

describe('GET /api/v1/messages (the sandbox inbox)', () => {
  let t: TestApp;
  let journeyId: string;
  let otherAuth: { Authorization: string };
  /** Message ids, oldest first. */
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    otherAuth = { Authorization: `Bearer ${(await createProject(t.db.dataSource.manager, 'Other project')).apiKey}` };
    journeyId = ((await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Keywords', graph: whatsappKeywordJourney }).expect(201)).body as { id: string }).id;
    for (const userId of ['ann', 'ben']) await t.http().put(`/api/v1/users/${userId}`).set(t.auth).send({}).expect(200);
    const rows: Array<[user: string, channel: string, provider: string, status: string, content: object]> = [
      ['ann', 'push', 'sandbox', 'sent', { title: 'Hello Ann', body: 'Welcome' }],
      ['ben', 'email', 'sandbox', 'sent', { subject: 'Hi Ben', html: '<p>Hi</p>' }],
      ['ann', 'whatsapp', 'whatsapp-cloud', 'delivered', { mode: 'template', template: { name: 'promo_offer', language: 'en' } }],
      ['ben', 'whatsapp', 'sandbox', 'suppressed', { mode: 'text', text: 'Hi' }],
      ['ann', 'email', 'sandbox', 'opened', { subject: 'Sale', html: '<p>Sale</p>' }],
    ];
    for (const [index, [user, channel, provider, status, content]] of rows.entries()) {
      const [{ id }] = await t.db.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO messages (project_id, user_id, journey_id, node_id, channel, provider, status, status_history, idempotency_key, content, error, created_at)
         SELECT $1, id, $3, 'help-reply', $4, $5, $6, $7, gen_random_uuid()::text, $8, $9, now() - make_interval(mins => $10) FROM users WHERE project_id = $1 AND external_id = $2
         RETURNING id`,
        [
          t.projectId,
          user,
          journeyId,
          channel,
          provider,
          status,
          JSON.stringify([{ status, at: new Date().toISOString() }]),
          JSON.stringify(content),
          status === 'suppressed' ? 'Not sent: the user has no phone number' : null,
          10 - index,
        ],
      );
      ids.push(id);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const page = async (query = '', auth = t.auth) => (await t.http().get(`/api/v1/messages${query}`).set(auth).expect(200)).body as MessagePage;
  const messagesOf = async (response: Promise<{ body: unknown }>) => ((await response).body as { message: string[] }).message;

  it('lists the sandbox messages newest first, with user, journey, node, status history and rendered content', async () => {
    const inbox = await page('?provider=sandbox');
    expect(inbox.messages.map((message) => message.id)).toEqual([ids[4], ids[3], ids[1], ids[0]]);
    expect(inbox.nextBefore).toBeNull();
    expect(inbox.messages[3]).toEqual({
      id: ids[0],
      createdAt: expect.any(String) as unknown,
      channel: 'push',
      provider: 'sandbox',
      status: 'sent',
      statusHistory: [{ status: 'sent', at: expect.any(String) as unknown }],
      userId: 'ann',
      journeyId,
      journeyName: 'Keywords',
      nodeId: 'help-reply',
      content: { title: 'Hello Ann', body: 'Welcome' },
      error: null,
      providerMessageId: null,
    });
    expect(inbox.messages[1]).toMatchObject({ status: 'suppressed', error: 'Not sent: the user has no phone number' });
  });

  it('filters by channel, user and status, and pages with before', async () => {
    expect((await page('?channel=whatsapp')).messages.map((message) => message.id)).toEqual([ids[3], ids[2]]);
    expect((await page('?userId=ben')).messages.map((message) => message.id)).toEqual([ids[3], ids[1]]);
    expect((await page('?status=opened&channel=email')).messages.map((message) => message.id)).toEqual([ids[4]]);
    expect((await page('?userId=nobody')).messages).toEqual([]);

    const first = await page('?limit=2');
    expect(first.messages.map((message) => message.id)).toEqual([ids[4], ids[3]]);
    expect(first.nextBefore).toBe(ids[3]);
    const second = await page(`?limit=2&before=${first.nextBefore}`);
    expect(second.messages.map((message) => message.id)).toEqual([ids[2], ids[1]]);
    const last = await page(`?limit=2&before=${second.nextBefore}`);
    expect(last).toEqual({ messages: [expect.objectContaining({ id: ids[0] })], nextBefore: null });
  });

  it('answers 400 naming the parameter for bad filters, and keeps projects apart', async () => {
    expect(await messagesOf(t.http().get('/api/v1/messages?channel=fax&limit=0&before=x&status=lost').set(t.auth).expect(400))).toEqual([
      'channel must be one of push, email, whatsapp, sms, webhook',
      'status must be one of queued, retrying, unknown, sent, delivered, read, opened, clicked, failed, suppressed',
      'limit must be at least 1',
      'before must be a message id (UUID), the nextBefore of the previous page',
    ]);
    const foreign = await t.http().get(`/api/v1/messages?before=00000000-0000-4000-8000-000000000000`).set(t.auth).expect(400);
    expect((foreign.body as { message: string }).message).toContain('before must be the id of a message of this project');
    expect(await page('', otherAuth)).toEqual({ messages: [], nextBefore: null });
    await t.http().get(`/api/v1/messages?before=${ids[4]}`).set(otherAuth).expect(400);
    await t.http().get('/api/v1/messages').expect(401);
  });
});
