import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestEvents } from '@engine/execution';
import { type ExecutionHarness, publishJourney, queueBackendEnv, startExecutionHarness } from '@engine/execution/testing';
import { type JourneyGraph } from '@engine/journey';
import { createTestDatabase, eventually, type TestDatabase } from '@engine/persistence/testing';

const USERS = 300;
const SENDS_PER_USER = 3;
const WORKER_MAIN = join(__dirname, '..', 'dist', 'main.js');

/** Signup -> push -> wait 1 s -> email -> wait 1 s -> SMS -> exit: steps, timers and sends all in flight at once. */
const journey: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    { id: 'entry', type: 'entry.event', data: { event: 'Signup' }, position: { x: 0, y: 0 } },
    { id: 'push', type: 'send.push', data: { title: 'Welcome', body: 'Hi {{tags.name|there}}' }, position: { x: 200, y: 0 } },
    { id: 'wait1', type: 'wait.delay', data: { mode: 'duration', duration: '1s' }, position: { x: 400, y: 0 } },
    { id: 'email', type: 'send.email', data: { subject: 'Welcome', html: '<p>Hello</p>' }, position: { x: 600, y: 0 } },
    { id: 'wait2', type: 'wait.delay', data: { mode: 'duration', duration: '1s' }, position: { x: 800, y: 0 } },
    { id: 'sms', type: 'send.sms', data: { text: 'Welcome!' }, position: { x: 1000, y: 0 } },
    { id: 'exit', type: 'exit', data: {}, position: { x: 1200, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'push' },
    { id: 'e2', source: 'push', sourceHandle: 'next', target: 'wait1' },
    { id: 'e3', source: 'wait1', sourceHandle: 'next', target: 'email' },
    { id: 'e4', source: 'email', sourceHandle: 'next', target: 'wait2' },
    { id: 'e5', source: 'wait2', sourceHandle: 'next', target: 'sms' },
    { id: 'e6', source: 'sms', sourceHandle: 'next', target: 'exit' },
  ],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
};

describe('a worker killed mid-run (SIGKILL) and restarted', () => {
  let db: TestDatabase;
  let h: ExecutionHarness;
  let deliveryLog: string;
  const children: ChildProcess[] = [];

  function startWorker(): Promise<ChildProcess> {
    const child = fork(WORKER_MAIN, [], {
      env: {
        ...queueBackendEnv(h.config.queueBackend),
        DATABASE_URL: db.url,
        QUEUE_PREFIX: h.config.queuePrefix,
        WORKER_CONCURRENCY: '8',
        WORKER_LOCK_MS: '2000',
        SWEEP_EVERY_MS: '1000',
        SWEEP_GRACE_MS: '1000',
        SANDBOX_DELIVERY_LOG: deliveryLog,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await db.dataSource.query<Array<{ n: number }>>(sql, params);
    return row.n;
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`Build the worker first (npx nx build @engine/worker): ${WORKER_MAIN} is missing`);
    db = await createTestDatabase('journeys_kill_test');
    h = await startExecutionHarness({ runWorkers: false }, { db, queuePrefix: `kill-${Date.now().toString(36)}` });
    deliveryLog = join(mkdtempSync(join(tmpdir(), 'journeys-kill-')), 'deliveries.log');
    await publishJourney(db, h.projectId, journey, 'Welcome series');
    await db.dataSource.query(
      `INSERT INTO users (project_id, external_id, email, phone, push_tokens)
       SELECT $1, 'u' || i, 'u' || i || '@example.com', '+49151' || lpad(i::text, 7, '0'), '[{"token":"t","platform":"android","addedAt":"2026-01-01"}]'
         FROM generate_series(1, ${USERS}) AS i`,
      [h.projectId],
    );
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await h.close();
    await db.drop();
  });

  it('finishes every instance and never sends a message twice', async () => {
    const first = await startWorker();
    const ingest = h.app.get(IngestEvents);
    for (let start = 1; start <= USERS; start += 100) {
      const events = Array.from({ length: 100 }, (_, i) => ({ userId: `u${start + i}`, name: 'Signup', attributes: {}, occurredAt: new Date() }));
      await ingest.ingest(h.projectId, events);
    }

    const total = USERS * SENDS_PER_USER;
    await eventually(async () => (await count(`SELECT count(*)::int AS n FROM messages`)) >= total * 0.3, 60_000, '30% of the messages');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const sentBeforeRestart = await count(`SELECT count(*)::int AS n FROM messages WHERE status NOT IN ('queued', 'retrying')`);
    expect(sentBeforeRestart).toBeLessThan(total);

    await startWorker();
    await eventually(
      async () => (await count(`SELECT count(*)::int AS n FROM journey_instances WHERE status = 'completed'`)) === USERS,
      90_000,
      'every instance to complete',
    );
    await eventually(async () => (await count(`SELECT count(*)::int AS n FROM messages WHERE status NOT IN ('queued', 'retrying')`)) === total, 30_000, 'every message to settle');

    const deliveries = readFileSync(deliveryLog, 'utf8').split('\n').filter(Boolean);
    const duplicates = deliveries.filter((key, index) => deliveries.indexOf(key) !== index);
    expect(duplicates).toEqual([]);

    const messages = await db.dataSource.query<Array<{ idempotency_key: string; status: string; error: string | null }>>(
      `SELECT idempotency_key, status, error FROM messages`,
    );
    expect(messages).toHaveLength(total);
    const sent = messages.filter((m) => m.status === 'sent').map((m) => m.idempotency_key).sort();
    // Every message recorded as sent was delivered exactly once; a send cut off by the kill is
    // marked unknown (never failed: it may well have gone out) rather than risked twice.
    expect(sent).toEqual([...deliveries].filter((key) => sent.includes(key)).sort());
    for (const m of messages.filter((m) => m.status !== 'sent')) {
      expect(m.status).toBe('unknown');
      expect(m.error).toContain('cut off');
    }
    expect(messages.filter((m) => m.status === 'unknown').length).toBeLessThanOrEqual(8 * 5);
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`)).toBe(0);
  });
});
