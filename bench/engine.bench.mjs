// Engine throughput and worker memory, measured side by side with bare BullMQ in one run.
//
//   npm run bench -- engine [--users 20000] [--memory-users 100000] [--concurrency 20] [--skip-memory]
//                           [--backends redis,postgres]
//
// Journey: entry -> send.push (sandbox) -> wait.delay 0 -> branch.condition -> send.email (sandbox) -> exit.
// Bare BullMQ: the same number of no-op jobs as the engine's node executions, added in bulk and
// processed by one worker of the same concurrency, on the same queue backend, in the same run.
// Each queue backend (Redis at REDIS_URL, PostgreSQL in the bench's own database) gets both figures.
// WORKER_CPU_PROF=<dir> writes a V8 CPU profile of the worker process there.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Worker } = require('bullmq');
const { Client } = require('pg');
const { NestFactory } = require('@nestjs/core');
const { TypeOrmModule } = require('@nestjs/typeorm');
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require('@engine/persistence');
const { ExecutionModule, IngestEvents, executionConfigFromEnv, ALL_QUEUES, openQueue, queueConnection } = require('@engine/execution');
const { compileJourney } = require('@engine/journey');

const root = new URL('..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    users: { type: 'string', default: '20000' },
    'memory-users': { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '20' },
    'skip-memory': { type: 'boolean', default: false },
    backends: { type: 'string', default: 'redis,postgres' },
  },
});
const USERS = Number(options.users);
const CONCURRENCY = Number(options.concurrency);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BACKENDS = options.backends.split(',');

/** The queue backend of one measurement: Redis, or PostgreSQL in the given database. */
function queueBackend(kind, databaseUrl) {
  if (kind === 'redis') return { kind, url: REDIS };
  if (kind === 'postgres') return { kind, url: databaseUrl };
  throw new Error(`--backends takes redis and/or postgres, got "${kind}"`);
}

const journey = {
  formatVersion: 1,
  nodes: [
    { id: 'entry', type: 'entry.event', data: { event: 'BenchEntry' }, position: { x: 0, y: 0 } },
    { id: 'push', type: 'send.push', data: { title: 'Hi {{tags.name|there}}', body: 'A push' }, position: { x: 200, y: 0 } },
    { id: 'wait', type: 'wait.delay', data: { mode: 'duration', duration: '0s' }, position: { x: 400, y: 0 } },
    { id: 'vip', type: 'branch.condition', data: { condition: { field: 'tags.vip', op: 'eq', value: true } }, position: { x: 600, y: 0 } },
    { id: 'email', type: 'send.email', data: { subject: 'Hello', html: '<p>Hello {{tags.name}}</p>' }, position: { x: 800, y: 0 } },
    { id: 'exit', type: 'exit', data: {}, position: { x: 1000, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'push' },
    { id: 'e2', source: 'push', sourceHandle: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'next', target: 'vip' },
    { id: 'e4', source: 'vip', sourceHandle: 'yes', target: 'email' },
    { id: 'e5', source: 'vip', sourceHandle: 'no', target: 'email' },
    { id: 'e6', source: 'email', sourceHandle: 'next', target: 'exit' },
  ],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
};

async function createDatabase() {
  const name = `${process.env.BENCH_DB_PREFIX ?? 'journeys_bench'}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...dataSourceOptions(url.toString()), extra: { max: 4 } });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      await dataSource.destroy();
      const client = new Client({ connectionString: POSTGRES });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function seed(db, users) {
  const [project] = await db.dataSource.query(`INSERT INTO projects (name) VALUES ('Bench') RETURNING id`);
  const [row] = await db.dataSource.query(
    `INSERT INTO journeys (project_id, name, status, draft_graph, entry_events) VALUES ($1, 'Bench', 'live', $2, '{BenchEntry}') RETURNING id`,
    [project.id, JSON.stringify(journey)],
  );
  const [version] = await db.dataSource.query(
    `INSERT INTO journey_versions (project_id, journey_id, version, graph, compiled_hash) VALUES ($1, $2, 1, $3, $4) RETURNING id`,
    [project.id, row.id, JSON.stringify(journey), compileJourney(journey).hash],
  );
  await db.dataSource.query(`UPDATE journeys SET live_version_id = $2, live_version_number = 1 WHERE id = $1`, [row.id, version.id]);
  await db.dataSource.query(
    `INSERT INTO users (project_id, external_id, email, push_tokens, tags)
     SELECT $1, 'u' || i, 'u' || i || '@example.com', '[{"token":"t","platform":"android","addedAt":"2026-01-01"}]',
            jsonb_build_object('name', 'User ' || i, 'vip', i % 2 = 0)
       FROM generate_series(1, ${users}) AS i`,
    [project.id],
  );
  return project.id;
}

function startWorker(db, prefix, backend) {
  const { REDIS_URL: _ignored, ...env } = process.env;
  const child = fork(join(root, 'apps/worker/dist/main.js'), [], {
    execArgv: process.env.WORKER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WORKER_CPU_PROF}`] : [],
    env: { ...env, ...(backend.kind === 'redis' ? { REDIS_URL: backend.url } : {}), DATABASE_URL: db.url, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: String(CONCURRENCY), LOG_LEVEL: 'silent', SWEEP_EVERY_MS: '600000' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

/** Peak resident set size of a process (VmHWM), in MiB. */
function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function count(db, sql) {
  const [row] = await db.dataSource.query(sql);
  return Number(row.n);
}

async function obliterate(backend, prefix) {
  for (const name of ALL_QUEUES) {
    const queue = openQueue(name, backend, prefix);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/** Runs `users` through the journey with workers in a child process; returns rates and the worker's peak RSS. */
async function runEngine(users, kind) {
  const db = await createDatabase();
  const backend = queueBackend(kind, db.url);
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const projectId = await seed(db, users);
  const worker = await startWorker(db, prefix, backend);
  const app = await NestFactory.createApplicationContext(
    {
      module: class BenchIngestModule {},
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(db.url), extra: { max: 4 } }),
        ExecutionModule.register({ ...executionConfigFromEnv({ ENCRYPTION_KEY: 'bench-only-encryption-key', ...process.env }), queueBackend: backend, queuePrefix: prefix, runWorkers: false, concurrency: CONCURRENCY }),
      ],
    },
    { logger: false, abortOnError: false },
  );
  const ingest = app.get(IngestEvents);
  const started = performance.now();
  for (let start = 1; start <= users; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(start + 1000, users + 1); i++) batch.push({ userId: `u${i}`, name: 'BenchEntry', attributes: {}, occurredAt: new Date() });
    await ingest.ingest(projectId, batch);
  }
  const ingested = performance.now();
  for (;;) {
    const done = await count(db, `SELECT count(*) AS n FROM journey_instances WHERE status = 'completed'`);
    const settled = await count(db, `SELECT count(*) AS n FROM messages WHERE status = 'sent'`);
    if (done === users && settled === users * 2) break;
    if (process.env.BENCH_TRACE) console.log(`  t=${((performance.now() - started) / 1000).toFixed(1)}s completed=${done} sent=${settled}`);
    if (performance.now() - started > 600_000) throw new Error(`Gave up after 10 minutes: ${done} of ${users} completed, ${settled} of ${users * 2} messages sent`);
    await new Promise((resolve) => setTimeout(resolve, process.env.BENCH_TRACE ? 1000 : 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const nodeExecutions = await count(db, `SELECT sum(entered) AS n FROM journey_node_counters`);
  const peak = peakRssMiB(worker.pid);
  worker.kill('SIGTERM');
  await app.close();
  await obliterate(backend, prefix);
  await db.drop();
  return { users, seconds, ingestSeconds: (ingested - started) / 1000, nodeExecutions, perSecond: nodeExecutions / seconds, peakRssMiB: peak };
}

/** Bare BullMQ: `jobs` no-op jobs added in bulk, processed by one worker of the same concurrency. */
async function runBareBullMQ(jobs, kind) {
  const db = kind === 'postgres' ? await createDatabase() : undefined;
  const backend = queueBackend(kind, db?.url);
  const prefix = `bench-bare-${randomBytes(4).toString('hex')}`;
  const queue = openQueue('bare', backend, prefix);
  const started = performance.now();
  let processed = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const worker = new Worker('bare', async () => undefined, { ...queueConnection(backend, prefix), concurrency: CONCURRENCY });
  worker.on('completed', () => {
    if (++processed === jobs) resolveDone();
  });
  for (let start = 0; start < jobs; start += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, jobs - start) }, () => ({ name: 'noop', data: {}, opts: { removeOnComplete: true } })));
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await db?.drop();
  return { jobs, seconds, perSecond: jobs / seconds };
}

console.log(`\nEngine benchmark (${USERS} users, concurrency ${CONCURRENCY}, one worker process)`);
for (const kind of BACKENDS) {
  const engine = await runEngine(USERS, kind);
  const bare = await runBareBullMQ(engine.nodeExecutions, kind);
  const ratio = engine.perSecond / bare.perSecond;
  console.log(`queues on ${kind}:`);
  console.log(`  engine:      ${engine.nodeExecutions} node executions in ${engine.seconds.toFixed(1)} s = ${engine.perSecond.toFixed(0)} node executions/s (ingest ${engine.ingestSeconds.toFixed(1)} s)`);
  console.log(`  bare BullMQ: ${bare.jobs} no-op jobs in ${bare.seconds.toFixed(1)} s = ${bare.perSecond.toFixed(0)} jobs/s`);
  console.log(`  ratio engine / bare BullMQ: ${ratio.toFixed(2)} (target >= 0.50)`);
  console.log(`  worker peak RSS: ${engine.peakRssMiB.toFixed(0)} MiB for ${USERS} users`);
  if (!options['skip-memory']) {
    const memoryUsers = Number(options['memory-users']);
    const large = await runEngine(memoryUsers, kind);
    console.log(`  worker peak RSS: ${large.peakRssMiB.toFixed(0)} MiB for ${memoryUsers} users (${large.perSecond.toFixed(0)} node executions/s)`);
    console.log(`  memory ratio ${memoryUsers} / ${USERS} users: ${(large.peakRssMiB / engine.peakRssMiB).toFixed(2)} (target: flat, ~1.0)`);
  }
}
process.exit(0);
