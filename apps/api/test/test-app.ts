import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { testQueueBackend } from '@engine/execution/testing';
import { createTestDatabase, type TestDatabase } from '@engine/persistence/testing';
import request from 'supertest';
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
  /** Registers the example journeys' WhatsApp templates as approved (publishing refuses unapproved ones). */
  approveDemoTemplates(auth?: { Authorization: string }): Promise<void>;
  close(): Promise<void>;
}

/** The real app on a fresh PostgreSQL database, its queues on the run's backend (TEST_QUEUE_BACKEND). */
export async function startTestApp(overrides: Partial<Omit<AppConfig, 'execution'>> & { execution?: Partial<AppConfig['execution']> } = {}): Promise<TestApp> {
  const db = await createTestDatabase('journeys_api_test');
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: db.url,
    publicUrl: 'http://localhost',
    demoKeyFile: '/dev/null',
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
  return {
    app,
    db,
    apiKey,
    projectId: project.id,
    http: () => request(server),
    auth,
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
