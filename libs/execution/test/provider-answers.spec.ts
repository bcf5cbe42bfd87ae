import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type JourneyGraph } from '@engine/journey';
import { ChannelSettingStore } from '@engine/persistence';
import { eventually, TEST_POSTGRES_URL } from '@engine/persistence/testing';
import { Client } from 'pg';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { EngineMetrics } from '../src/metrics/engine-metrics';
import { type ExecutionHarness, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { createReachableUser, edge, instancesOf, messagesOf, node } from './fixtures';

/**
 * What a provider answered is kept however long the database takes to come back: a message that
 * went out is recorded as sent, never as failed or unknown. A send cut off before its answer was
 * recorded is unknown until the provider's status settles it. The outage here is the test
 * database refusing connections (its own database only; the shared server keeps running).
 */
describe("a provider's answer", () => {
  let h: ExecutionHarness;
  let admin: Client;
  let server: Server;
  let database: string;
  let onRequest: () => Promise<void> = () => Promise.resolve();
  /** The endpoint's answer to its n-th request (1-based). */
  let answer: (n: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });
  let requests = 0;
  const requestTimes: number[] = [];

  const allowConnections = (allow: boolean) => admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS ${allow}`);
  /** Refuses new connections to the test database and cuts the open ones, as a restart would. */
  const cutDatabase = async () => {
    await allowConnections(false);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  };
  const answerWriteRetries = async () => (await h.app.get(EngineMetrics).answerWriteRetries.get()).values[0]?.value ?? 0;

  beforeAll(async () => {
    h = await startExecutionHarness();
    database = new URL(h.db.url).pathname.slice(1);
    admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    server = createServer((request, response) => {
      requests += 1;
      requestTimes.push(Date.now());
      request.resume();
      const { status, headers = {} } = answer(requests);
      void onRequest().then(() => response.writeHead(status, { 'content-type': 'application/json', ...headers }).end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await allowConnections(true);
    await admin.end();
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  /** entry (event) -> webhook call -> exit, against this test's endpoint. */
  const publishWebhookJourney = async (event: string) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const graph: JourneyGraph = {
      formatVersion: 1,
      nodes: [node('entry', 'entry.event', { event }, 0), node('hook', 'send.webhook', { url, method: 'POST', body: '{"order":true}' }, 200), node('exit', 'exit', {}, 400)],
      edges: [edge('entry', 'hook'), edge('hook', 'exit')],
      settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
    };
    await publishJourney(h.db, h.projectId, graph, event);
  };

  beforeAll(async () => {
    await ChannelSettingStore.save(h.db.dataSource.manager, h.projectId, 'webhook', 'webhook', { provider: 'webhook' });
  });
  beforeEach(() => {
    requests = 0;
    requestTimes.splice(0);
    answer = () => ({ status: 200 });
    onRequest = () => Promise.resolve();
  });

  it('is recorded once the database is back when writing it failed: sent once, never failed or unknown', async () => {
    await publishWebhookJourney('Ordered');
    const user = await createReachableUser(h.db, h.projectId, 'answer-kept');
    // The endpoint answers only after the database went away: the answer cannot be written at once.
    onRequest = cutDatabase;
    await h.app.get(IngestEvents).ingest(h.projectId, [{ userId: user.externalId, name: 'Ordered', attributes: {}, occurredAt: new Date() }]);

    await eventually(async () => (await answerWriteRetries()) >= 2, 30_000, 'the answer write to be tried again while the database is away');
    onRequest = () => Promise.resolve();
    await allowConnections(true);

    await eventually(async () => (await instancesOf(h.db, user.id))[0]?.status === 'completed', 60_000, 'the journey to move past the send');
    const [message] = await messagesOf(h.db, user.id);
    expect(message.status).toBe('sent');
    expect(requests).toBe(1);
  });

  it('is tried again no sooner than the provider asked (Retry-After), then sent once', async () => {
    await publishWebhookJourney('Paid');
    const user = await createReachableUser(h.db, h.projectId, 'retry-after');
    answer = (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3' } } : { status: 200 });
    await h.app.get(IngestEvents).ingest(h.projectId, [{ userId: user.externalId, name: 'Paid', attributes: {}, occurredAt: new Date() }]);
    await eventually(async () => (await instancesOf(h.db, user.id))[0]?.status === 'completed', 30_000, 'the journey to move past the retried send');
    expect((await messagesOf(h.db, user.id))[0].status).toBe('sent');
    expect(requests).toBe(2);
    // BullMQ's own backoff would have tried again after 1 s.
    expect(requestTimes[1] - requestTimes[0]).toBeGreaterThanOrEqual(2_900);
  });

  it('settles a message whose outcome is unknown by a later delivered status', async () => {
    const user = await createReachableUser(h.db, h.projectId, 'unknown-settled');
    const [message] = await h.db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO messages (project_id, user_id, channel, provider, status, status_history, idempotency_key, error)
       VALUES ($1, $2, 'whatsapp', 'whatsapp-cloud', 'unknown', '[{"status":"unknown","at":"2026-12-03T10:00:00Z"}]', 'unknown-settled:1', 'cut off') RETURNING id`,
      [h.projectId, user.id],
    );
    await h.app.get(IngestEvents).ingest(h.projectId, [
      { userId: user.externalId, name: 'PW_WhatsAppDelivered', attributes: { messageId: message.id, providerMessageId: 'wamid.late' }, occurredAt: new Date() },
    ]);
    const settled = await eventually(async () => {
      const [row] = await h.db.dataSource.query<Array<{ status: string; status_history: Array<{ status: string }> }>>(`SELECT status, status_history FROM messages WHERE id = $1`, [message.id]);
      return row.status === 'delivered' ? row : undefined;
    }, 15_000, 'the message to be delivered');
    expect(settled.status_history.map((change) => change.status)).toEqual(['unknown', 'delivered']);
  });
});
