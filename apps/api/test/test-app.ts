import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { testQueueBackend } from '@engine/execution/testing';
import { AccountStore, ProjectMemberStore, type ProjectRole } from '@engine/persistence';
import { createTestDatabase, type TestDatabase } from '@engine/persistence/testing';
import request from 'supertest';
import { hashPassword } from '../src/auth/secrets';
import { type AppConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { DEMO_WHATSAPP_TEMPLATES } from '../src/demo/demo-whatsapp-templates';
import { createProject } from '../src/projects/create-project';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  apiKey: string;
  projectId: string;
  /** supertest against the app, with the project's key set. */
  http: () => ReturnType<typeof request>;
  auth: { Authorization: string };
  /** Moves the app's clock (sessions, links, rate limits) forward. */
  advanceClock(ms: number): void;
  /** An account with this password, member of the project (the test project by default) with the role, signed in. */
  signedIn(email: string, role: ProjectRole, projectId?: string): Promise<Session>;
  /** Signs in through the API; fails the test unless it answers 204. */
  signIn(email: string, password: string): Promise<Session>;
  /** Registers the example journeys' WhatsApp templates as approved (publishing refuses unapproved ones). */
  approveDemoTemplates(auth?: { Authorization: string }): Promise<void>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A signed-in browser: its cookies, and the headers a state-changing request needs (cookies plus the CSRF token). */
export interface Session {
  accountId: string;
  cookie: string;
  csrfToken: string;
  headers: { Cookie: string; 'X-CSRF-Token': string };
}

/** The cookies a response set, as one Cookie header, and the CSRF token among them. */
export function sessionFromResponse(response: { headers: Record<string, unknown> }, accountId = ''): Session {
  const setCookie = response.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? (setCookie as string[]) : []).map((line) => line.split(';')[0]);
  const cookie = cookies.join('; ');
  const csrfToken = cookies.find((c) => c.startsWith('csrf='))?.slice('csrf='.length) ?? '';
  return { accountId, cookie, csrfToken, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } };
}

/** The real app on a fresh PostgreSQL database, its queues on the run's backend (TEST_QUEUE_BACKEND). */
export async function startTestApp(overrides: Partial<Omit<AppConfig, 'execution'>> & { execution?: Partial<AppConfig['execution']> } = {}): Promise<TestApp> {
  const db = await createTestDatabase('journeys_api_test');
  let clockOffsetMs = 0;
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: db.url,
    publicUrl: 'http://localhost',
    demoKeyFile: '/dev/null',
    ownerEmail: 'owner@localhost',
    clock: () => new Date(Date.now() + clockOffsetMs),
    ...overrides,
    execution: {
      queueBackend: testQueueBackend(db.url),
      // A fresh BullMQ prefix per app, so test runs never share queues.
      queuePrefix: `test-${randomBytes(6).toString('hex')}`,
      runWorkers: false,
      concurrency: 8,
      sweepEveryMs: 60_000,
      sweepGraceMs: 30_000,
      encryptionKey: 'test-encryption-key-0123456789',
      publicUrl: 'http://localhost',
      allowPrivateNetworks: true,
      ...overrides.execution,
    },
  };
  const app = await createApp(config, { logger: false });
  await app.init();
  const { project, apiKey } = await createProject(db.dataSource.manager, 'Test project');
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  const auth = { Authorization: `Bearer ${apiKey}` };
  const signIn = async (email: string, password: string): Promise<Session> => {
    const response = await request(server).post('/api/v1/auth/sign-in').send({ email, password }).expect(204);
    const account = await AccountStore.findByEmail(db.dataSource.manager, email);
    return sessionFromResponse(response, account?.id ?? '');
  };
  return {
    app,
    db,
    apiKey,
    projectId: project.id,
    http: () => request(server),
    auth,
    advanceClock(ms) {
      clockOffsetMs += ms;
    },
    signIn,
    async signedIn(email, role, inProject = project.id) {
      const account = await AccountStore.create(db.dataSource.manager, { email, passwordHash: await hashPassword(TEST_PASSWORD) });
      await ProjectMemberStore.upsert(db.dataSource.manager, inProject, account.id, role);
      return signIn(email, TEST_PASSWORD);
    },
    async approveDemoTemplates(as = auth) {
      for (const template of DEMO_WHATSAPP_TEMPLATES) {
        await request(server).post('/api/v1/whatsapp/templates').set(as).send({ ...template, status: 'approved' }).expect(201);
      }
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
