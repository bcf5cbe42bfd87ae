import { omnichannelFallbackJourney } from '@engine/journey';
import { type ProjectRole } from '@engine/persistence';
import { createProject } from '../src/projects/create-project';
import { sessionFromResponse, startTestApp, type Session, type TestApp } from './test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  path: string;
  access: string | undefined;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Every operation of the OpenAPI document with the access rule its route declares (x-access). */
async function operations(t: TestApp): Promise<Operation[]> {
  const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { 'x-access'?: string }>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method as Method, path, access: operation['x-access'] })),
  );
}

/** The path with its parameters filled in (by default with values that name nothing). */
function fill(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? (name === 'channel' ? 'push' : name === 'version' ? '1' : UNKNOWN_ID));
}

const isWrite = (operation: Operation): boolean => operation.method !== 'get';
const isProjectRoute = (operation: Operation): boolean => ['read', 'ingest', 'edit', 'manage'].includes(operation.access ?? '');

describe('roles and key scopes on every route', () => {
  let t: TestApp;
  let all: Operation[];
  const sessions: Partial<Record<ProjectRole, Session>> = {};
  const keys: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    all = await operations(t);
    for (const role of ['owner', 'editor', 'viewer'] as const) sessions[role] = await t.signedIn(`${role}@example.com`, role);
    for (const scope of ['full', 'ingest', 'read']) {
      const created = await t.http().post('/api/v1/api-keys').set(t.auth).send({ name: `${scope} key`, scope }).expect(201);
      keys[scope] = { Authorization: `Bearer ${(created.body as { key: string }).key}` };
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (operation: Operation, headers: Record<string, string>) => t.http()[operation.method](fill(operation.path)).set(headers).send({});

  it('declares an access rule on every route of the document', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((operation) => operation.access === undefined)).toEqual([]);
    // Everything under /api/v1 but sign-in and invitations needs a caller.
    const open = all.filter((o) => o.path.startsWith('/api/v1') && (o.access === 'public' || o.access === 'anyone')).map((o) => `${o.method} ${o.path}`);
    expect(open.sort()).toEqual(
      [
        'get /api/v1/auth/link',
        'post /api/v1/auth/password-reset',
        'post /api/v1/auth/password-reset/complete',
        'post /api/v1/auth/sign-in',
        'post /api/v1/auth/sign-in/link',
        'post /api/v1/invitations/accept',
      ].sort(),
    );
  });

  it("refuses a viewer's write with 403 on every project route", async () => {
    const writes = all.filter((o) => isProjectRoute(o) && isWrite(o));
    expect(writes.length).toBeGreaterThan(20);
    const answers = await Promise.all(writes.map(async (o) => `${o.method} ${o.path} ${(await call(o, sessions.viewer?.headers ?? {})).status}`));
    expect(answers).toEqual(writes.map((o) => `${o.method} ${o.path} 403`));
  });

  it('refuses editors on the owner-only routes (members, keys, channels, erasure, audit log) and no other', async () => {
    const answers = await Promise.all(
      all.filter(isProjectRoute).map(async (o) => ({ route: `${o.method} ${o.path}`, refused: (await call(o, sessions.editor?.headers ?? {})).status === 403, manage: o.access === 'manage' })),
    );
    expect(answers.filter((a) => a.refused !== a.manage)).toEqual([]);
  });

  it('lets a read-only key read and nothing else, an ingest-only key post events, users and entries and nothing else', async () => {
    for (const [scope, allowed] of [
      ['read', ['read']],
      ['ingest', ['ingest']],
      ['full', ['read', 'ingest', 'edit', 'manage']],
    ] as const) {
      const answers = await Promise.all(
        all.filter(isProjectRoute).map(async (o) => ({ route: `${scope}: ${o.method} ${o.path}`, refused: (await call(o, keys[scope])).status === 403, allowed: (allowed as readonly string[]).includes(o.access ?? '') })),
      );
      expect(answers.filter((a) => a.refused === a.allowed)).toEqual([]);
    }
    const ingestRoutes = all.filter((o) => o.access === 'ingest').map((o) => `${o.method} ${o.path}`);
    expect(ingestRoutes.sort()).toEqual(['post /api/v1/events', 'post /api/v1/journeys/{id}/entries', 'post /api/v1/users/batch', 'post /api/v1/users/import', 'put /api/v1/users/{userId}'].sort());
    await t.http().post('/api/v1/events').set(keys['ingest']).send({ userId: 'u1', name: 'Signup' }).expect(202);
    await t.http().get('/api/v1/journeys').set(keys['read']).expect(200);
  });

  it('answers 401 to anonymous callers on every route that needs one', async () => {
    const guarded = all.filter((o) => isProjectRoute(o) || o.access === 'signed-in');
    const answers = await Promise.all(guarded.map(async (o) => `${o.method} ${o.path} ${(await call(o, {})).status}`));
    expect(answers).toEqual(guarded.map((o) => `${o.method} ${o.path} 401`));
  });

  it('shows a viewer the channels with secrets masked only', async () => {
    await t.http().put('/api/v1/channels/email').set(t.auth).send({ provider: 'smtp', smtpUrl: 'smtp://user:hunter2-secret@smtp.example.com:587', from: 'Shop <a@example.com>' }).expect(200);
    const response = await t.http().get('/api/v1/channels').set(sessions.viewer?.headers ?? {}).expect(200);
    expect(JSON.stringify(response.body)).toContain('smtp.example.com');
    expect(JSON.stringify(response.body)).not.toContain('hunter2-secret');
  });
});

describe('API keys', () => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.signedIn('owner@example.com', 'owner');
  });
  afterAll(async () => {
    await t.close();
  });

  it('are created with a name and scope, shown once, listed with creation and last-use times, and revoked from the next request on', async () => {
    const created = await t.http().post('/api/v1/api-keys').set(owner.headers).send({ name: 'Shop backend', scope: 'ingest' }).expect(201);
    const body = created.body as { id: string; key: string; prefix: string; scope: string; lastUsedAt: string | null };
    expect(body).toMatchObject({ name: 'Shop backend', scope: 'ingest', lastUsedAt: null, revokedAt: null });
    expect(body.key).toMatch(/^jk_[\w-]{43}$/);
    expect(body.key.startsWith(body.prefix)).toBe(true);
    const stored = await t.db.dataSource.query<Array<{ key_hash: string }>>(`SELECT key_hash FROM api_keys WHERE id = $1`, [body.id]);
    expect(stored[0].key_hash).not.toContain(body.key.slice(3));

    const backend = { Authorization: `Bearer ${body.key}` };
    await t.http().post('/api/v1/events').set(backend).send({ userId: 'u1', name: 'Signup' }).expect(202);
    const listed = (await t.http().get('/api/v1/api-keys').set(owner.headers).expect(200)).body as Array<Record<string, unknown>>;
    expect(JSON.stringify(listed)).not.toContain(body.key);
    expect(listed.find((key) => key['id'] === body.id)).toMatchObject({ name: 'Shop backend', createdAt: expect.any(String) as unknown, lastUsedAt: expect.any(String) as unknown });

    await t.http().delete(`/api/v1/api-keys/${body.id}`).set(owner.headers).expect(200);
    const refused = await t.http().post('/api/v1/events').set({ 'X-Api-Key': body.key }).send({ userId: 'u1', name: 'Signup' }).expect(401);
    expect(refused.body).toMatchObject({ message: 'Unknown or revoked API key' });
    await t.http().delete(`/api/v1/api-keys/${UNKNOWN_ID}`).set(owner.headers).expect(404);
    await t.http().post('/api/v1/api-keys').set(owner.headers).send({ name: ' ', scope: 'admin' }).expect(400);
  });

  it("cannot be revoked from another project's session or key", async () => {
    const other = await createProject(t.db.dataSource.manager, 'Other project');
    const otherKeyId = (await t.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM api_keys WHERE project_id = $1`, [other.project.id]))[0].id;
    await t.http().delete(`/api/v1/api-keys/${otherKeyId}`).set(owner.headers).expect(404);
    await t.http().delete(`/api/v1/api-keys/${otherKeyId}`).set(t.auth).expect(404);
    await t.http().get('/api/v1/journeys').set({ Authorization: `Bearer ${other.apiKey}` }).expect(200);
  });
});

describe('members, invitations, projects and the audit log', () => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.signedIn('owner@example.com', 'owner');
  });
  afterAll(async () => {
    await t.close();
  });

  it('invites a colleague as editor by link: they create their account, sign in and edit, once', async () => {
    const invitation = (await t.http().post('/api/v1/invitations').set(owner.headers).send({ role: 'editor' }).expect(201)).body as { link: string };
    const token = new URL(invitation.link).searchParams.get('token') ?? '';
    expect(invitation.link).toMatch(/^http:\/\/localhost\/accept-invitation\?token=/);
    const accepted = await t.http().post('/api/v1/invitations/accept').send({ token, email: 'ed@example.com', password: 'ed has a password' }).expect(201);
    expect(accepted.body).toEqual({ projectId: t.projectId });
    const ed = sessionFromResponse(accepted);
    await t.http().post('/api/v1/journeys').set(ed.headers).send({ name: "Ed's journey" }).expect(201);
    await t.http().get('/api/v1/members').set(ed.headers).expect(403);
    await t.http().post('/api/v1/invitations/accept').send({ token, email: 'eve@example.com', password: 'eve has a password' }).expect(410);
    const members = (await t.http().get('/api/v1/members').set(owner.headers).expect(200)).body as Array<{ email: string; role: string }>;
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['owner@example.com', 'owner'],
      ['ed@example.com', 'editor'],
    ]);
  });

  it('refuses an invitation after 7 days', async () => {
    const invitation = (await t.http().post('/api/v1/invitations').set(owner.headers).send({ role: 'viewer' }).expect(201)).body as { link: string };
    t.advanceClock(7 * 24 * 3600_000 + 1000);
    const token = new URL(invitation.link).searchParams.get('token');
    const refused = await t.http().post('/api/v1/invitations/accept').send({ token, email: 'late@example.com', password: 'late but long enough' }).expect(410);
    expect(refused.body).toMatchObject({ message: expect.stringContaining('expired') as unknown });
  });

  it('lets someone signed in accept as themselves, and removes members from their next request on; a project keeps an owner', async () => {
    const vic = await t.signedIn('vic@example.com', 'viewer', (await createProject(t.db.dataSource.manager, 'Vic project')).project.id);
    const invitation = (await t.http().post('/api/v1/invitations').set(owner.headers).send({ role: 'viewer' }).expect(201)).body as { link: string };
    const token = new URL(invitation.link).searchParams.get('token');
    await t.http().post('/api/v1/invitations/accept').set(vic.headers).send({ token }).expect(201);
    await t.http().put('/api/v1/auth/session/project').set(vic.headers).send({ projectId: t.projectId }).expect(200);
    await t.http().get('/api/v1/journeys').set(vic.headers).expect(200);
    await t.http().delete(`/api/v1/members/${vic.accountId}`).set(owner.headers).expect(204);
    await t.http().get('/api/v1/journeys').set(vic.headers).expect(403);
    const conflict = await t.http().delete(`/api/v1/members/${owner.accountId}`).set(owner.headers).expect(409);
    expect(conflict.body).toMatchObject({ message: expect.stringContaining('at least one owner') as unknown });
  });

  it('creates, lists, renames and switches projects', async () => {
    const created = (await t.http().post('/api/v1/projects').set(owner.headers).send({ name: 'Staging' }).expect(201)).body as { id: string; role: string };
    expect(created.role).toBe('owner');
    // The session now works in the new, empty project.
    expect((await t.http().get('/api/v1/journeys').set(owner.headers).expect(200)).body).toEqual([]);
    await t.http().patch('/api/v1/project').set(owner.headers).send({ name: 'Staging (EU)' }).expect(200);
    const mine = (await t.http().get('/api/v1/projects').set(owner.headers).expect(200)).body as Array<{ name: string; role: string }>;
    expect(mine.map((p) => [p.name, p.role])).toEqual([
      ['Test project', 'owner'],
      ['Staging (EU)', 'owner'],
    ]);
    await t.http().put('/api/v1/auth/session/project').set(owner.headers).send({ projectId: t.projectId }).expect(200);
    expect(((await t.http().get('/api/v1/project').set(owner.headers).expect(200)).body as { name: string }).name).toBe('Test project');
    await t.http().post('/api/v1/projects').set(t.auth).send({ name: 'By key' }).expect(403);
    await t.http().post('/api/v1/projects').set(owner.headers).send({ name: '' }).expect(400);
  });

  it('records who published and paused a journey, changed channel credentials, created and revoked a key, added a member; owners read it', async () => {
    await t.approveDemoTemplates();
    const journey = (await t.http().post('/api/v1/journeys').set(owner.headers).send({ name: 'Audited', graph: omnichannelFallbackJourney }).expect(201)).body as { id: string };
    await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(owner.headers).expect(201);
    await t.http().post(`/api/v1/journeys/${journey.id}/pause`).set(t.auth).expect(200);
    await t.http().put('/api/v1/channels/push').set(owner.headers).send({ provider: 'sandbox' }).expect(200);
    const key = (await t.http().post('/api/v1/api-keys').set(owner.headers).send({ name: 'CI', scope: 'read' }).expect(201)).body as { id: string };
    await t.http().delete(`/api/v1/api-keys/${key.id}`).set(owner.headers).expect(200);
    const entries = (await t.http().get('/api/v1/audit-log').set(owner.headers).expect(200)).body as Array<{ actor: string; action: string; subject: string }>;
    const actions = entries.map((e) => `${e.actor} ${e.action}`);
    expect(actions.slice(0, 5)).toEqual([
      'owner@example.com api_key.revoked',
      'owner@example.com api_key.created',
      'owner@example.com channel.credentials_changed',
      expect.stringMatching(/^key "Default key" \(jk_.{4}…\) journey\.paused$/) as unknown,
      'owner@example.com journey.published',
    ]);
    expect(actions).toContain('ed@example.com member.added');
    const viewer = await t.signedIn('audit-viewer@example.com', 'viewer');
    await t.http().get('/api/v1/audit-log').set(viewer.headers).expect(403);
  });
});

describe('tenant isolation with sessions', () => {
  let t: TestApp;
  let alice: Session;
  const b: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    alice = await t.signedIn('alice@example.com', 'owner');
    const other = await createProject(t.db.dataSource.manager, 'Bob project');
    const bob = await t.signedIn('bob@example.com', 'owner', other.project.id);
    const journey = (await t.http().post('/api/v1/journeys').set(bob.headers).send({ name: 'Bob secret journey' }).expect(201)).body as { id: string };
    await t.http().put('/api/v1/users/bob-user-1').set(bob.headers).send({ tags: { marker: 'bob-tag-marker' } }).expect(200);
    await t.http().put('/api/v1/channels/email').set(bob.headers).send({ provider: 'smtp', smtpUrl: 'smtp://u:p@bob-smtp.example.com:587', from: 'Bob <bob@example.com>' }).expect(200);
    const template = (
      await t.http().post('/api/v1/whatsapp/templates').set(bob.headers).send({ name: 'bob_template', language: 'en', category: 'utility', components: [{ type: 'BODY', text: 'Hi bob' }] }).expect(201)
    ).body as { id: string };
    const key = (await t.http().post('/api/v1/api-keys').set(bob.headers).send({ name: 'Bob key', scope: 'full' }).expect(201)).body as { id: string };
    Object.assign(b, { projectId: other.project.id, journeyId: journey.id, templateId: template.id, keyId: key.id, accountId: bob.accountId });
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows none of another project's data on any read route, even given its ids", async () => {
    const reads = (await operations(t)).filter((o) => isProjectRoute(o) && !isWrite(o));
    for (const operation of reads) {
      const ids = { id: operation.path.includes('templates') ? b['templateId'] : operation.path.includes('api-keys') ? b['keyId'] : b['journeyId'], userId: 'bob-user-1', accountId: b['accountId'] };
      const response = await t.http().get(fill(operation.path, ids)).set(alice.headers);
      expect(`${operation.path} ${response.status}`).toMatch(/ (200|404)$/);
      for (const marker of ['Bob secret journey', 'bob-tag-marker', 'bob-smtp', 'bob_template', 'Bob key', 'bob@example.com', b['projectId']]) {
        expect(`${operation.path}: ${response.text}`).not.toContain(marker);
      }
    }
  });

  it("refuses to change another project's journeys, keys and members, or to switch into it", async () => {
    await t.http().post(`/api/v1/journeys/${b['journeyId']}/publish`).set(alice.headers).expect(404);
    await t.http().post(`/api/v1/journeys/${b['journeyId']}/duplicate`).set(alice.headers).expect(404);
    await t.http().delete(`/api/v1/api-keys/${b['keyId']}`).set(alice.headers).expect(404);
    await t.http().delete(`/api/v1/members/${b['accountId']}`).set(alice.headers).expect(404);
    await t.http().patch(`/api/v1/members/${b['accountId']}`).set(alice.headers).send({ role: 'viewer' }).expect(404);
    await t.http().put('/api/v1/auth/session/project').set(alice.headers).send({ projectId: b['projectId'] }).expect(404);
    const projects = (await t.http().get('/api/v1/projects').set(alice.headers).expect(200)).body as Array<{ id: string }>;
    expect(projects.map((p) => p.id)).toEqual([t.projectId]);
  });
});
