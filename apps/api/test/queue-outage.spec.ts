import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { eventually } from '@engine/persistence/testing';
import { freePort } from './free-port';
import { startTestApp, type TestApp } from './test-app';

/** A Redis of this test's own (never the machine's shared one), keeping nothing on disk. */
function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
// The outage is of the Redis backend; the PostgreSQL backend's outage is the database's own.
const runs = process.env['TEST_QUEUE_BACKEND'] === 'redis' && (hasRedisServer || process.env['CI'] === 'true') ? describe : describe.skip;

runs('a Redis outage while running (a test-owned Redis)', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let port: number;

  const redisAnswers = () => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG';
  const processed = async () =>
    (await t.db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM events WHERE name = 'DuringOutage' AND processed_at IS NOT NULL`))[0].n;

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    await eventually(() => redisAnswers(), 15_000, 'the test-owned Redis to answer');
    t = await startTestApp({ execution: { queueBackend: { kind: 'redis', url: `redis://127.0.0.1:${port}` }, runWorkers: true, sweepEveryMs: 500, sweepGraceMs: 500 } });
  });
  afterAll(async () => {
    await t?.close();
    redis.kill('SIGKILL');
    await exited(redis);
  });

  it('answers 202 for events while Redis is down, reports the queues down, and steps the events once Redis is back', async () => {
    redis.kill('SIGKILL');
    await exited(redis);

    const started = Date.now();
    const response = await t.http().post('/api/v1/events').set(t.auth).send({ userId: 'carol', name: 'DuringOutage' });
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(10_000);

    const health = await t.http().get('/health').expect(503);
    expect(health.body).toMatchObject({ checks: { postgres: { status: 'up' }, queues: { status: 'down', backend: 'redis' } } });

    // Redis comes back empty (it kept nothing): the sweeper, driven by a timer and PostgreSQL, queues the event again.
    redis = startRedis(port);
    await eventually(() => redisAnswers(), 15_000, 'the test-owned Redis to answer again');
    await eventually(async () => (await processed()) === 1, 30_000, 'the event stored during the outage to be stepped');
    await t.http().get('/health').expect(200);
  });
});
