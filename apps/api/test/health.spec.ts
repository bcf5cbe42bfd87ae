import { startTestApp, type TestApp } from './test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports PostgreSQL and Redis up', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect((response.body as { info: { title: string } }).info.title).toBe('Journey engine API');
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
