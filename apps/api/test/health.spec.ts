import { EXECUTION_CONFIG, type ExecutionConfig, SweepTimer } from '@engine/execution';
import { SweeperRunStore } from '@engine/persistence';
import { describeApiWithoutDatabase } from '../src/openapi/describe-api-without-database';
import { eventually } from '@engine/persistence/testing';
import { startTestApp, type TestApp } from './test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports PostgreSQL, the queues and the sweeper up, naming the queue backend', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      checks: {
        postgres: { status: 'up' },
        queues: { status: 'up', backend: process.env['TEST_QUEUE_BACKEND'] ?? 'postgres' },
        // No workers in this app: no sweep yet, and its first is not due before three periods (60 s each) pass.
        sweeper: { status: 'up', lastCompletedAt: null },
      },
    });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect((response.body as { info: { title: string } }).info.title).toBe('Journey engine API');
    // The web app's API types are generated from the document built without a database: it must be this one.
    expect(response.body).toEqual(JSON.parse(JSON.stringify(await describeApiWithoutDatabase())));
  });
});

describe('GET /health and the sweeper', () => {
  const SWEEP_EVERY_MS = 200;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ execution: { runWorkers: true, sweepEveryMs: SWEEP_EVERY_MS } });
  });
  afterAll(async () => {
    await t.close();
  });

  interface Health {
    status: string;
    checks: { postgres: { status: string }; sweeper: { status: string; error?: string; lastCompletedAt: string | null } };
  }
  const health = async () => {
    const response = await t.http().get('/health');
    return { code: response.status, body: response.body as Health };
  };

  it('reports a sweeper that stopped sweeping as down (503), and up again once it sweeps', async () => {
    const sweeping = await eventually(async () => {
      const answer = await health();
      return answer.code === 200 && answer.body.checks.sweeper.lastCompletedAt !== null ? answer : undefined;
    }, 15_000, 'a first sweep');
    expect(sweeping.body.checks.sweeper.status).toBe('up');
    const { queuePrefix } = t.app.get<ExecutionConfig>(EXECUTION_CONFIG);
    const recorded = await SweeperRunStore.lastCompleted(t.db.dataSource.manager, queuePrefix);
    expect(recorded!.getTime()).toBeGreaterThanOrEqual(Date.parse(sweeping.body.checks.sweeper.lastCompletedAt!));

    await t.app.get(SweepTimer).stop();
    const stopped = await eventually(async () => {
      const answer = await health();
      return answer.code === 503 ? answer : undefined;
    }, 5_000, 'the sweeper reported down');
    expect(stopped.body).toMatchObject({
      status: 'error',
      checks: {
        postgres: { status: 'up' },
        sweeper: { status: 'down', error: expect.stringMatching(/^the last sweep completed [\d.]+ s ago; sweeps are due every 0.2 s/) as unknown },
      },
    });
    // Late by the clock, not by a guess: three periods passed since the last recorded sweep.
    expect(Date.now() - Date.parse(stopped.body.checks.sweeper.lastCompletedAt!)).toBeGreaterThan(3 * SWEEP_EVERY_MS);

    t.app.get(SweepTimer).start();
    await eventually(async () => (await health()).code === 200, 15_000, 'the sweeper reported up again');
  });
});

describe('malformed requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 413 with a message for bodies over 1 MiB', async () => {
    const response = await t
      .http()
      .post('/health')
      .set('content-type', 'application/json')
      .send(`{"a":"${'x'.repeat(1_100_000)}"}`)
      .expect(413);
    expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request body is larger than 1 MiB' });
  });

  it('answers 400 for broken JSON', async () => {
    const response = await t.http().post('/health').set('content-type', 'application/json').send('{"a":').expect(400);
    expect((response.body as { message: string }).message).toContain('JSON');
  });
});

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves Prometheus metrics with ingestion counts and queue depths', async () => {
    await t.http().post('/api/v1/events').set(t.auth).send({ userId: 'm', name: 'Seen' }).expect(202);
    const response = await t.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toMatch(/^journey_events_ingested_total \d+$/m);
    expect(response.text).toContain('journey_queue_jobs{queue="events",state="waiting"} 1');
    expect(response.text).toContain('journey_queue_jobs{queue="send-whatsapp",state="delayed"} 0');
  });
});

describe('GET /metrics with METRICS_TOKEN set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ metricsToken: 'scrape-me-0123456789' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers only with the token, not with an API key or nothing', async () => {
    const refused = await t.http().get('/metrics').expect(401);
    expect(refused.text).toContain('METRICS_TOKEN');
    await t.http().get('/metrics').set(t.auth).expect(401);
    await t.http().get('/metrics').set({ Authorization: 'Bearer scrape-me-0123456789' }).expect(200);
  });
});
