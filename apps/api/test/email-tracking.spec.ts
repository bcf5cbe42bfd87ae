import { signTrackingToken } from '@engine/channels';
import { trackingSecret } from '@engine/execution';
import { type JourneyGraph } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { LocalSmtpInbox, type ReceivedMail } from './local-smtp-inbox';
import { startTestApp, type TestApp } from './test-app';

interface MessageView {
  id: string;
  channel: string;
  provider: string;
  status: string;
}

const ENCRYPTION_KEY = 'test-encryption-key-0123456789';
const SALE_URL = 'https://shop.example.com/sale?x=1&y=2';

/** Signup -> push (sandbox) -> email (SMTP) -> exit. */
const welcomeJourney: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    { id: 'entry', type: 'entry.event', data: { event: 'Signup' }, position: { x: 0, y: 0 } },
    { id: 'push', type: 'send.push', data: { title: 'Welcome', body: 'Glad you are here' }, position: { x: 250, y: 0 } },
    {
      id: 'email',
      type: 'send.email',
      data: {
        subject: 'Welcome {{tags.first_name|there}}',
        html: '<html><body><p>Hi {{tags.first_name|there}}, see <a href="https://shop.example.com/sale?x=1&amp;y=2">the sale</a>.</p><p><a href="{{unsubscribe_url}}">Unsubscribe</a></p></body></html>',
      },
      position: { x: 500, y: 0 },
    },
    { id: 'exit', type: 'exit', data: {}, position: { x: 750, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'push' },
    { id: 'e2', source: 'push', sourceHandle: 'next', target: 'email' },
    { id: 'e3', source: 'email', sourceHandle: 'next', target: 'exit' },
  ],
  settings: { goals: [], reentry: { mode: 'always' }, throttling: [] },
};

describe('email over SMTP with tracking links, and push opens', () => {
  let t: TestApp;
  let inbox: LocalSmtpInbox;
  const mailOf = new Map<string, ReceivedMail>();

  beforeAll(async () => {
    inbox = await new LocalSmtpInbox().start();
    t = await startTestApp({ execution: { runWorkers: true } });
    await t.http().put('/api/v1/channels/email').set(t.auth).send({ provider: 'smtp', smtpUrl: inbox.url, from: 'Example Shop <news@shop.example.com>' }).expect(200);
    const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Welcome', graph: welcomeJourney }).expect(201)).body as { id: string };
    await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201);
    for (const userId of ['bob', 'erin']) {
      await t
        .http()
        .put(`/api/v1/users/${userId}`)
        .set(t.auth)
        .send({ email: `${userId}@example.com`, tags: { first_name: userId }, pushTokens: [{ token: `token-${userId}`, platform: 'android' }] })
        .expect(200);
    }
    await t.http().post('/api/v1/events').set(t.auth).send({ events: ['bob', 'erin'].map((userId) => ({ userId, name: 'Signup' })) }).expect(202);
    await eventually(() => inbox.mails.length === 2, 15_000, 'both emails');
    for (const mail of inbox.mails) mailOf.set(mail.to[0].split('@')[0], mail);
  });
  afterAll(async () => {
    await t.close();
    await inbox.stop();
  });

  const messagesOf = async (userId: string) =>
    ((await t.http().get(`/api/v1/messages?userId=${userId}`).set(t.auth).expect(200)).body as { messages: MessageView[] }).messages;
  const messageOf = async (userId: string, channel: string) => (await messagesOf(userId)).find((message) => message.channel === channel)!;
  const eventCount = async (userId: string, name: string) =>
    (
      await t.db.dataSource.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM events e JOIN users u ON u.id = e.user_id WHERE u.external_id = $1 AND e.name = $2`,
        [userId, name],
      )
    )[0].count;
  /** The path of the first tracking link of this kind in the mail ("o", "c" or "u"). */
  const trackingPath = (mail: ReceivedMail, kind: 'o' | 'c' | 'u') => new RegExp(`http://localhost(/t/${kind}/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(mail.html)![1];

  it('sends the mail with an open pixel, rewritten links and one-click List-Unsubscribe', () => {
    const mail = mailOf.get('bob')!;
    expect(mail.headers.get('subject')).toBe('Welcome bob');
    expect(mail.html).toMatch(/<img src="http:\/\/localhost\/t\/o\/[^"]+" width="1" height="1"/);
    expect(mail.html).toMatch(/see <a href="http:\/\/localhost\/t\/c\/[^"]+">the sale<\/a>/);
    expect(mail.html).not.toContain('href="https://shop.example.com');
    expect(mail.html).toMatch(/<a href="http:\/\/localhost\/t\/u\/[^"]+">Unsubscribe<\/a>/);
    expect(mail.headers.get('list-unsubscribe')).toBe(`<http://localhost${trackingPath(mail, 'u')}>`);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('the pixel answers a GIF, marks the message opened and stores PW_EmailOpened once however often it is fetched', async () => {
    const pixel = trackingPath(mailOf.get('bob')!, 'o');
    for (let fetch = 0; fetch < 2; fetch += 1) {
      const response = await t.http().get(pixel).expect(200);
      expect(response.headers['content-type']).toBe('image/gif');
      expect(response.headers['cache-control']).toContain('no-store');
      expect((response.body as Buffer).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    }
    await eventually(async () => (await messageOf('bob', 'email')).status === 'opened', 15_000, 'the email to be opened');
    expect(await eventCount('bob', 'PW_EmailOpened')).toBe(1);
  });

  it('a click redirects to the original URL and records PW_EmailClicked; forged or altered links answer 404', async () => {
    const click = trackingPath(mailOf.get('bob')!, 'c');
    const response = await t.http().get(click).expect(302);
    expect(response.headers['location']).toBe(SALE_URL);
    await eventually(async () => (await messageOf('bob', 'email')).status === 'clicked', 15_000, 'the email to be clicked');
    expect(await eventCount('bob', 'PW_EmailClicked')).toBe(1);
    expect(await eventCount('bob', 'PW_EmailOpened')).toBe(1);

    // Another URL in the token breaks its signature: never an open redirect.
    const [payload, signature] = click.slice('/t/c/'.length).split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('shop.example.com', 'evil.example.com')).toString('base64url');
    for (const path of [`/t/c/${forged}.${signature}`, `/t/c/${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`, '/t/c/nonsense', trackingPath(mailOf.get('bob')!, 'o').replace('/t/o/', '/t/c/')]) {
      const refused = await t.http().get(path).expect(404);
      expect(refused.headers['location']).toBeUndefined();
    }
    await t.http().get('/t/o/nonsense').expect(404);
  });

  it("a push open posted with the message's token records PW_PushOpened once", async () => {
    const push = await messageOf('bob', 'push');
    expect(push).toMatchObject({ provider: 'sandbox', status: 'sent' });
    const token = signTrackingToken({ kind: 'open', messageId: push.id }, trackingSecret(ENCRYPTION_KEY));
    await t.http().post(`/t/o/${token}`).expect(204);
    await t.http().post(`/t/o/${token}`).expect(204);
    await eventually(async () => (await messageOf('bob', 'push')).status === 'opened', 15_000, 'the push to be opened');
    expect(await eventCount('bob', 'PW_PushOpened')).toBe(1);
  });

  it("unsubscribing turns the user's email opt-in off, from the page and with the one-click POST", async () => {
    const unsubscribe = trackingPath(mailOf.get('bob')!, 'u');
    const optIns = async () => ((await t.http().get('/api/v1/users/bob').set(t.auth).expect(200)).body as { optIns: Record<string, boolean> }).optIns;

    const page = await t.http().get(unsubscribe).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('You are unsubscribed');
    expect(await optIns()).toEqual({ push: true, email: false, whatsapp: true, sms: true });

    await t.http().put('/api/v1/users/bob').set(t.auth).send({ optIns: { email: true } }).expect(200);
    await t.http().post(unsubscribe).set('content-type', 'application/x-www-form-urlencoded').send('List-Unsubscribe=One-Click').expect(200);
    expect((await optIns()).email).toBe(false);
  });

  it("links of an erased user's messages answer 404", async () => {
    const mail = mailOf.get('erin')!;
    await t.http().delete('/api/v1/users/erin').set(t.auth).expect(204);
    await t.http().get(trackingPath(mail, 'o')).expect(404);
    await t.http().get(trackingPath(mail, 'c')).expect(404);
    await t.http().get(trackingPath(mail, 'u')).expect(404);
  });
});
