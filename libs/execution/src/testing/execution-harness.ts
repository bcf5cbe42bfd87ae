import { randomBytes } from 'node:crypto';
import { type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { compileJourney, type JourneyGraph } from '@engine/journey';
import { dataSourceOptions } from '@engine/persistence';
import { createTestDatabase, type TestDatabase } from '@engine/persistence/testing';
import { type ExecutionConfig } from '../config/execution-config';
import { ExecutionModule } from '../execution.module';
import { openQueue, type QueueBackend } from '../queues/queue-backend';
import { ALL_QUEUES } from '../queues/queue-names';

/** Which queue backend this test run uses: `TEST_QUEUE_BACKEND=redis|postgres` (the test command runs both). */
export function testQueueBackend(databaseUrl: string): QueueBackend {
  const kind = process.env['TEST_QUEUE_BACKEND'] ?? 'postgres';
  if (kind === 'redis') return { kind: 'redis', url: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' };
  if (kind === 'postgres') return { kind: 'postgres', url: databaseUrl };
  throw new Error(`TEST_QUEUE_BACKEND must be redis or postgres, got "${kind}"`);
}

export interface ExecutionHarness {
  db: TestDatabase;
  app: INestApplicationContext;
  config: ExecutionConfig;
  projectId: string;
  /** Another project, for tests that need one of their own; returns its id. */
  createProject(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The environment a child process (a worker app) needs to use the same queue backend as this run. */
export function queueBackendEnv(backend: QueueBackend, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { REDIS_URL: _ignored, ...rest } = env;
  return backend.kind === 'redis' ? { ...rest, REDIS_URL: backend.url } : rest;
}

/** A fresh database and queue prefix, with the execution module (and its workers unless told otherwise). */
export async function startExecutionHarness(overrides: Partial<ExecutionConfig> = {}, existing?: { db: TestDatabase; queuePrefix: string }): Promise<ExecutionHarness> {
  const db = existing?.db ?? (await createTestDatabase('journeys_exec_test'));
  const config: ExecutionConfig = {
    queueBackend: testQueueBackend(db.url),
    queuePrefix: existing?.queuePrefix ?? `test-${randomBytes(6).toString('hex')}`,
    runWorkers: true,
    concurrency: 8,
    sweepEveryMs: 3_600_000,
    sweepGraceMs: 0,
    encryptionKey: 'test-encryption-key-0123456789',
    publicUrl: 'http://localhost:3000',
    allowPrivateNetworks: true,
    ...overrides,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(db.url), extra: { max: 10 } }), ExecutionModule.register(config)],
  }).compile();
  const app = await moduleRef.init();
  const createProject = async (name: string): Promise<string> => {
    const [project] = await db.dataSource.query<Array<{ id: string }>>(`INSERT INTO projects (name) VALUES ($1) RETURNING id`, [name]);
    return project.id;
  };
  return {
    db,
    app,
    config,
    projectId: await createProject('Test'),
    createProject,
    async close() {
      await app.close();
      await obliterateQueues(config);
      if (!existing) await db.drop();
    },
  };
}

export async function obliterateQueues(config: Pick<ExecutionConfig, 'queueBackend' | 'queuePrefix'>): Promise<void> {
  for (const name of ALL_QUEUES) {
    const queue = openQueue(name, config.queueBackend, config.queuePrefix);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/** Inserts a live journey with one published version, as the publish route does. */
export async function publishJourney(db: TestDatabase, projectId: string, graph: JourneyGraph, name = 'Journey'): Promise<{ journeyId: string; versionId: string }> {
  const entryEvents = [...new Set(graph.nodes.flatMap((node) => (node.type === 'entry.event' ? [node.data.event] : [])))];
  const [journey] = await db.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO journeys (project_id, name, status, draft_graph, entry_events) VALUES ($1, $2, 'live', $3, $4) RETURNING id`,
    [projectId, name, JSON.stringify(graph), entryEvents],
  );
  const [version] = await db.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO journey_versions (project_id, journey_id, version, graph, compiled_hash) VALUES ($1, $2, 1, $3, $4) RETURNING id`,
    [projectId, journey.id, JSON.stringify(graph), compileJourney(graph).hash],
  );
  await db.dataSource.query(`UPDATE journeys SET live_version_id = $2, live_version_number = 1 WHERE id = $1`, [journey.id, version.id]);
  return { journeyId: journey.id, versionId: version.id };
}
