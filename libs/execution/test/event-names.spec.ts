import { IngestEvents, type IncomingEvent } from '../src/ingest/ingest-events.usecase';
import { type ExecutionHarness, startExecutionHarness } from '../src/testing/execution-harness';

interface NameRow {
  name: string;
  first_seen_at: Date;
  last_seen_at: Date;
  xmin: string;
  xmax: string;
}

describe('ingestion records the event names a project received', () => {
  let h: ExecutionHarness;
  let ingest: IngestEvents;

  beforeAll(async () => {
    h = await startExecutionHarness({ runWorkers: false });
    ingest = h.app.get(IngestEvents);
  });
  afterAll(async () => {
    await h.close();
  });

  const newProject = (): Promise<string> => h.createProject('Names');
  const event = (name: string, userId = 'alice', idempotencyKey?: string): IncomingEvent => ({
    userId,
    name,
    attributes: {},
    occurredAt: new Date('2026-01-01T00:00:00Z'),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const namesOf = (projectId: string) =>
    h.db.dataSource.query<NameRow[]>(
      `SELECT name, first_seen_at, last_seen_at, xmin::text AS xmin, xmax::text AS xmax FROM project_event_names WHERE project_id = $1 ORDER BY name`,
      [projectId],
    );
  const secondsAgo = (date: Date) => (Date.now() - date.getTime()) / 1000;

  it('records each name once, when it was received, however often a batch repeats it', async () => {
    const projectId = await newProject();
    await ingest.ingest(projectId, [event('Purchase'), event('Purchase', 'bob'), event('Signup'), event('Purchase', 'carol', 'order-1'), event('Purchase', 'carol', 'order-1')]);
    const names = await namesOf(projectId);
    expect(names.map((row) => row.name)).toEqual(['Purchase', 'Signup']);
    for (const row of names) {
      expect(secondsAgo(row.first_seen_at)).toBeLessThan(10);
      expect(row.last_seen_at).toEqual(row.first_seen_at);
    }
  });

  it('leaves a name seen within the hour untouched: no rewrite, not even a row lock', async () => {
    const projectId = await newProject();
    await ingest.ingest(projectId, [event('Purchase')]);
    const [before] = await namesOf(projectId);
    await ingest.ingest(projectId, [event('Purchase'), event('Purchase', 'bob')]);
    await ingest.ingest(projectId, [event('Purchase', 'carol', 'order-1')]);
    await ingest.ingest(projectId, [event('Purchase', 'carol', 'order-1')]);
    const [after] = await namesOf(projectId);
    expect(after).toEqual(before);
    expect(after.xmax).toBe('0');
  });

  it('moves last_seen_at on once it is over an hour old, and keeps first_seen_at', async () => {
    const projectId = await newProject();
    await ingest.ingest(projectId, [event('Purchase'), event('Signup')]);
    await h.db.dataSource.query(
      `UPDATE project_event_names
          SET first_seen_at = now() - interval '3 days',
              last_seen_at = CASE name WHEN 'Purchase' THEN now() - interval '2 hours' ELSE now() - interval '30 minutes' END
        WHERE project_id = $1`,
      [projectId],
    );
    const [purchaseBefore, signupBefore] = await namesOf(projectId);
    await ingest.ingest(projectId, [event('Purchase'), event('Signup'), event('Viewed')]);
    const [purchase, signup, viewed] = await namesOf(projectId);
    expect(secondsAgo(purchase.last_seen_at)).toBeLessThan(10);
    expect(purchase.first_seen_at).toEqual(purchaseBefore.first_seen_at);
    expect(signup).toEqual(signupBefore);
    expect(viewed.name).toBe('Viewed');
  });

  it("keeps each project's names to itself", async () => {
    const first = await newProject();
    const second = await newProject();
    await ingest.ingest(first, [event('Purchase')]);
    const firstBefore = await namesOf(first);
    await ingest.ingest(second, [event('Purchase'), event('Refund')]);
    expect(await namesOf(first)).toEqual(firstBefore);
    expect((await namesOf(second)).map((row) => row.name)).toEqual(['Purchase', 'Refund']);
  });

  it('takes concurrent batches naming the same new events in any order', async () => {
    const projectId = await newProject();
    const orders = [['A', 'B', 'C'], ['C', 'B', 'A'], ['B', 'C', 'A'], ['C', 'A', 'B']];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => ingest.ingest(projectId, orders[i % orders.length].map((name) => event(name, `user-${i}`)))),
    );
    expect((await namesOf(projectId)).map((row) => row.name)).toEqual(['A', 'B', 'C']);
  });
});
