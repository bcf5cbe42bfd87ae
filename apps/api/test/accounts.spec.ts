import { Logger } from '@nestjs/common';
import { AccountStore } from '@engine/persistence';
import { AccountsService } from '../src/accounts/accounts.service';
import { ensureFirstOwner } from '../src/accounts/first-owner';
import { sessionFromResponse, startTestApp, TEST_PASSWORD, type TestApp } from './test-app';

interface SessionBody {
  account: { email: string; hasPassword: boolean };
  csrfToken: string;
  project: { id: string; role: string } | null;
  projects: Array<{ id: string; name: string; role: string }>;
}

describe('accounts: sign-in, sessions and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with the right password: an httpOnly SameSite=Lax session cookie, a readable CSRF cookie', async () => {
    await t.signedIn('ann@example.com', 'editor');
    const response = await t.http().post('/api/v1/auth/sign-in').send({ email: 'Ann@Example.com', password: TEST_PASSWORD }).expect(204);
    const cookies = response.headers['set-cookie'] as unknown as string[];
    const sid = cookies.find((c) => c.startsWith('sid='));
    const csrf = cookies.find((c) => c.startsWith('csrf='));
    expect(sid).toMatch(/HttpOnly/);
    expect(sid).toMatch(/SameSite=Lax/);
    expect(sid).not.toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    const session = sessionFromResponse(response);
    const me = await t.http().get('/api/v1/auth/session').set(session.headers).expect(200);
    const body = me.body as SessionBody;
    expect(body.account).toEqual({ id: expect.any(String) as unknown, email: 'ann@example.com', hasPassword: true });
    expect(body.csrfToken).toBe(session.csrfToken);
    expect(body.project).toEqual({ id: t.projectId, name: 'Test project', role: 'editor' });
    await t.http().get('/api/v1/journeys').set({ Cookie: session.cookie }).expect(200);
  });

  it('refuses a wrong password or an unknown email with the same 401 and no cookie', async () => {
    await t.signedIn('bob@example.com', 'viewer');
    for (const email of ['bob@example.com', 'nobody@example.com']) {
      const response = await t.http().post('/api/v1/auth/sign-in').send({ email, password: 'not the password' }).expect(401);
      expect(response.body).toMatchObject({ message: 'Wrong email or password' });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers 400 naming the field for a malformed sign-in', async () => {
    const response = await t.http().post('/api/v1/auth/sign-in').send({ email: 'not-an-email', password: 'x' }).expect(400);
    expect(JSON.stringify(response.body)).toContain('email must be an email address');
  });

  it('stops checking passwords after 5 failures for one email within 15 minutes (429, Retry-After), then lets the person try again', async () => {
    await t.signedIn('carol@example.com', 'viewer');
    for (let i = 0; i < 5; i++) await t.http().post('/api/v1/auth/sign-in').send({ email: 'carol@example.com', password: `wrong ${i}` }).expect(401);
    const refused = await t.http().post('/api/v1/auth/sign-in').send({ email: 'carol@example.com', password: TEST_PASSWORD }).expect(429);
    expect(refused.headers['retry-after']).toBe('900');
    // Other people are not locked out by Carol's failures.
    await t.signIn('ann@example.com', TEST_PASSWORD);
    t.advanceClock(15 * 60_000 + 1000);
    await t.signIn('carol@example.com', TEST_PASSWORD);
  });

  it('refuses state-changing requests made with a session unless they carry its CSRF token', async () => {
    const session = await t.signedIn('dave@example.com', 'editor');
    const without = await t.http().post('/api/v1/journeys').set({ Cookie: session.cookie }).send({ name: 'No token' }).expect(403);
    expect(without.body).toMatchObject({ message: expect.stringContaining('CSRF') as unknown });
    await t.http().post('/api/v1/journeys').set({ Cookie: session.cookie, 'X-CSRF-Token': 'forged' }).send({ name: 'Forged' }).expect(403);
    const other = await t.signedIn('erin@example.com', 'editor');
    await t.http().post('/api/v1/journeys').set({ Cookie: session.cookie, 'X-CSRF-Token': other.csrfToken }).send({ name: "Erin's token" }).expect(403);
    await t.http().post('/api/v1/journeys').set(session.headers).send({ name: 'With token' }).expect(201);
    // API keys are not sent by browsers on their own: no CSRF token needed.
    await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'With a key' }).expect(201);
  });

  it('signs out: the session stops working', async () => {
    const session = await t.signedIn('frank@example.com', 'viewer');
    await t.http().post('/api/v1/auth/sign-out').set({ Cookie: session.cookie }).expect(403);
    await t.http().post('/api/v1/auth/sign-out').set(session.headers).expect(204);
    await t.http().get('/api/v1/journeys').set({ Cookie: session.cookie }).expect(401);
  });

  it('ends sessions after 14 days, and clears them away at the next sign-in', async () => {
    const session = await t.signedIn('kim@example.com', 'viewer');
    t.advanceClock(13 * 24 * 3600_000);
    await t.http().get('/api/v1/journeys').set(session.headers).expect(200);
    t.advanceClock(24 * 3600_000 + 1000);
    await t.http().get('/api/v1/journeys').set(session.headers).expect(401);
    await t.signIn('kim@example.com', TEST_PASSWORD);
    const [sessions] = await t.db.dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM sessions WHERE account_id = $1`, [session.accountId]);
    expect(sessions.n).toBe('1');
  });

  it('changes the password with the current one, signing out the other sessions', async () => {
    const first = await t.signedIn('gina@example.com', 'viewer');
    const second = await t.signIn('gina@example.com', TEST_PASSWORD);
    await t.http().post('/api/v1/auth/password').set(first.headers).send({ currentPassword: 'wrong', newPassword: 'a new long password' }).expect(400);
    const weak = await t.http().post('/api/v1/auth/password').set(first.headers).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    expect(weak.body).toMatchObject({ message: expect.stringContaining('at least 10') as unknown });
    await t.http().post('/api/v1/auth/password').set(first.headers).send({ currentPassword: TEST_PASSWORD, newPassword: 'a new long password' }).expect(204);
    await t.http().get('/api/v1/journeys').set(first.headers).expect(200);
    await t.http().get('/api/v1/journeys').set(second.headers).expect(401);
    await t.http().post('/api/v1/auth/sign-in').send({ email: 'gina@example.com', password: TEST_PASSWORD }).expect(401);
    await t.signIn('gina@example.com', 'a new long password');
  });

  describe('password reset by one-time link', () => {
    const resetLinks = (): string[] => logged.flatMap((line) => /reset-password\?token=([\w-]+)/.exec(line)?.[1] ?? []);
    let logged: string[] = [];
    beforeEach(() => {
      logged = [];
      jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
    });
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('logs a link that sets a new password once and signs the account out everywhere', async () => {
      const session = await t.signedIn('hal@example.com', 'viewer');
      await t.http().post('/api/v1/auth/password-reset').send({ email: 'nobody@example.com' }).expect(202);
      expect(resetLinks()).toEqual([]);
      await t.http().post('/api/v1/auth/password-reset').send({ email: 'HAL@example.com' }).expect(202);
      const [token] = resetLinks();
      expect(logged.join('\n')).toContain('http://localhost/reset-password?token=');
      await t.http().post('/api/v1/auth/password-reset/complete').send({ token, newPassword: 'hal chose this one' }).expect(204);
      await t.http().get('/api/v1/journeys').set(session.headers).expect(401);
      await t.signIn('hal@example.com', 'hal chose this one');
      const again = await t.http().post('/api/v1/auth/password-reset/complete').send({ token, newPassword: 'and now another' }).expect(410);
      expect(again.body).toMatchObject({ message: expect.stringContaining('already used') as unknown });
    });

    it('refuses an expired link (after one hour) with 410 and keeps the password', async () => {
      await t.signedIn('ivy@example.com', 'viewer');
      await t.http().post('/api/v1/auth/password-reset').send({ email: 'ivy@example.com' }).expect(202);
      const [token] = resetLinks();
      t.advanceClock(61 * 60_000);
      const response = await t.http().post('/api/v1/auth/password-reset/complete').send({ token, newPassword: 'too late for this' }).expect(410);
      expect(response.body).toMatchObject({ message: expect.stringContaining('expired') as unknown });
      await t.signIn('ivy@example.com', TEST_PASSWORD);
    });

    it('answers 400 for a token that was never issued', async () => {
      await t.http().post('/api/v1/auth/password-reset/complete').send({ token: 'made-up', newPassword: 'whatever it is' }).expect(400);
    });
  });
});

describe('first start: the owner and their one-time sign-in link', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the owner of every project on an empty database, and a link that signs in once', async () => {
    const accounts = t.app.get(AccountsService);
    const owner = await ensureFirstOwner(t.db.dataSource, accounts, 'owner@localhost');
    expect(owner).toMatchObject({ email: 'owner@localhost', created: true });
    const path = new URL(owner?.link ?? '').pathname + new URL(owner?.link ?? '').search;
    expect(path).toMatch(/^\/api\/v1\/auth\/link\?token=/);
    const opened = await t.http().get(path).expect(303);
    expect(opened.headers['location']).toBe('/');
    const session = sessionFromResponse(opened);
    const me = (await t.http().get('/api/v1/auth/session').set(session.headers).expect(200)).body as SessionBody;
    expect(me).toMatchObject({ account: { email: 'owner@localhost', hasPassword: false }, project: { id: t.projectId, role: 'owner' } });
    await t.http().get(path).expect(410);

    // Until the owner sets a password, each start prints a new link; then none.
    const restart = await ensureFirstOwner(t.db.dataSource, accounts, 'owner@localhost');
    expect(restart).toMatchObject({ created: false });
    expect(restart?.link).not.toBe(owner?.link);
    await t.http().post('/api/v1/auth/password').set(session.headers).send({ newPassword: 'the owner picked this' }).expect(204);
    expect(await ensureFirstOwner(t.db.dataSource, accounts, 'owner@localhost')).toBeUndefined();
    expect(await AccountStore.count(t.db.dataSource.manager)).toBe(1);
  });
});

describe('cookies over https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ publicUrl: 'https://journeys.example.com' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('are Secure when the public URL is https', async () => {
    await t.signedIn('jo@example.com', 'viewer');
    const response = await t.http().post('/api/v1/auth/sign-in').send({ email: 'jo@example.com', password: TEST_PASSWORD }).expect(204);
    for (const cookie of response.headers['set-cookie'] as unknown as string[]) expect(cookie).toMatch(/; Secure/);
  });
});
