// Event ingestion through the API next to a bare multi-row INSERT of the same rows, in one run.
//
//   npm run bench -- ingest [--events 20000] [--batch 1000] [--concurrency 4]
//                           [--single 5000] [--single-concurrency 50] [--backends redis,postgres]
//
// The built API runs as a child process with its in-process workers and no journey listening to
// the event (the demo project's journeys are drafts). The load generator posts batches of
// `--batch` events, `--concurrency` requests at a time, and records each request's latency:
//   1. "new users": every batch names users the project has not seen (ingestion creates them);
//   2. "known users": the same users again, new events;
//   3. single-event posts (one event per request, `--single-concurrency` clients) — how an app
//      sending events one by one meets the API.
// The baseline is a multi-row INSERT of the same rows (project, user id, name, attributes, time,
// idempotency key) in batches of `--batch` over one `pg` connection into a plain logged table with
// a bigint identity, in a database of its own on the same server, in the same run.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { ALL_QUEUES, openQueue } = require('@engine/execution');

const root = new URL('..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '4' },
    single: { type: 'string', default: '5000' },
    'single-concurrency': { type: 'string', default: '50' },
    backends: { type: 'string', default: 'redis,postgres' },
  },
});
const EVENTS = Number(options.events);
const BATCH = Number(options.batch);
const CONCURRENCY = Number(options.concurrency);
const SINGLE = Number(options.single);
const SINGLE_CONCURRENCY = Number(options['single-concurrency']);
/** Four events per user, as in the measurement (20 000 events, 5 000 users). */
const USERS = Math.max(1, Math.floor(EVENTS / 4));
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomBytes(3).toString('hex');

function databaseUrl(name) {
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql) {
  const client = new Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApi(kind, database) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  const keyFile = join(dir, 'demo-key');
  const { REDIS_URL: _ignored, ...env } = process.env;
  const child = fork(join(root, 'apps/api/dist/main.js'), [], {
    cwd: dir,
    env: {
      ...env,
      ...(kind === 'redis' ? { REDIS_URL: REDIS } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl(database),
      EMBEDDED_POSTGRES: 'false',
      QUEUE_PREFIX: `bench-ingest-${run}`,
      DEMO_KEY_FILE: keyFile,
      ENCRYPTION_KEY: 'bench-only-encryption-key-0123456789',
      SWEEP_EVERY_MS: '600000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() - started > 120_000) throw new Error('the API did not become healthy within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const key = readFileSync(keyFile, 'utf8').trim();
  return {
    base,
    key,
    pid: child.pid,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The events of one pass: `EVENTS` events over `USERS` users whose ids carry `userPrefix`. */
function events(pass, userPrefix) {
  const at = Date.now();
  return Array.from({ length: EVENTS }, (_, i) => ({
    userId: `${userPrefix}${i % USERS}`,
    name: 'Purchase',
    attributes: { amount: (i % 97) + 0.5, sku: `sku-${i % 311}`, currency: 'EUR', items: [i % 5, i % 7] },
    timestamp: new Date(at + i).toISOString(),
    idempotencyKey: `${run}-${pass}-${i}`,
  }));
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Posts `bodies` with `concurrency` requests in flight; answers events/s and request latencies. */
async function post(api, bodies, concurrency, eventsPerBody) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const sent = performance.now();
        const response = await fetch(`${api.base}/api/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        if (response.status !== 202) throw new Error(`POST /api/v1/events answered ${response.status}: ${text.slice(0, 300)}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: (bodies.length * eventsPerBody) / seconds, requestsPerSecond: bodies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function batches(list) {
  const bodies = [];
  for (let start = 0; start < list.length; start += BATCH) bodies.push(JSON.stringify({ events: list.slice(start, start + BATCH) }));
  return bodies;
}

/** The bare baseline: multi-row INSERTs of the same rows, `BATCH` per statement, over one connection. */
async function bareInsert(list) {
  const database = `journeys_bench_ingest_bare_${run}`;
  await admin(`CREATE DATABASE "${database}"`);
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bare_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, project_id uuid NOT NULL, user_id text NOT NULL, name text NOT NULL,
      attributes jsonb NOT NULL, occurred_at timestamptz NOT NULL, idempotency_key text)`);
    const project = '00000000-0000-4000-8000-000000000001';
    const started = performance.now();
    for (let start = 0; start < list.length; start += BATCH) {
      const rows = list.slice(start, start + BATCH);
      const values = [];
      const params = [];
      for (const event of rows) {
        const at = params.length;
        values.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`);
        params.push(project, event.userId, event.name, JSON.stringify(event.attributes), event.timestamp, event.idempotencyKey);
      }
      await client.query(`INSERT INTO bare_events (project_id, user_id, name, attributes, occurred_at, idempotency_key) VALUES ${values.join(', ')}`, params);
    }
    return { perSecond: list.length / ((performance.now() - started) / 1000) };
  } finally {
    await client.end();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

const format = (n) => Math.round(n).toLocaleString('en-US').replaceAll(',', ' ');

console.log(`\nIngestion benchmark: ${EVENTS} events over ${USERS} users, batches of ${BATCH}, ${CONCURRENCY} requests at a time; ${SINGLE} single-event posts by ${SINGLE_CONCURRENCY} clients`);
for (const kind of options.backends.split(',')) {
  const database = `journeys_bench_ingest_${kind}_${run}`;
  const api = await startApi(kind, database);
  try {
    const fresh = events('new', `new-${run}-`);
    const newUsers = await post(api, batches(fresh), CONCURRENCY, BATCH);
    const knownUsers = await post(api, batches(events('known', `new-${run}-`)), CONCURRENCY, BATCH);
    const singles = events('single', `new-${run}-`).slice(0, SINGLE).map((event) => JSON.stringify(event));
    const single = await post(api, singles, SINGLE_CONCURRENCY, 1);
    const bare = await bareInsert(fresh);
    console.log(`queues on ${kind}:`);
    console.log(`  bare multi-row INSERT:  ${format(bare.perSecond)} rows/s`);
    for (const [label, result] of [['API, new users:', newUsers], ['API, known users:', knownUsers]]) {
      console.log(
        `  ${label.padEnd(22)}${format(result.perSecond)} events/s, per request p50 ${format(result.p50)} ms p99 ${format(result.p99)} ms; ratio to INSERT ${(result.perSecond / bare.perSecond).toFixed(2)} (target >= 0.50)`,
      );
    }
    console.log(`  single-event posts:    ${format(single.requestsPerSecond)} requests/s, p50 ${format(single.p50)} ms p99 ${format(single.p99)} ms`);
  } finally {
    await api.stop();
    if (kind === 'redis') {
      for (const name of ALL_QUEUES) {
        const queue = openQueue(name, { kind, url: REDIS }, `bench-ingest-${run}`);
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
    }
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  }
}
process.exit(0);
