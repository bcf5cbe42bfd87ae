import { IngestEvents, type IncomingEvent } from '../src/ingest/ingest-events.usecase';
import { type ExecutionHarness, startExecutionHarness } from '../src/testing/execution-harness';

describe('users named by events are created on the fly', () => {
  let h: ExecutionHarness;
  let ingest: IngestEvents;

  beforeAll(async () => {
    h = await startExecutionHarness({ runWorkers: false });
    ingest = h.app.get(IngestEvents);
  });
  afterAll(async () => {
    await h.close();
  });

  it('takes concurrent batches naming the same 3 000 new users in opposite orders (deadlocked before they were sorted), each user once', async () => {
    const projectId = await h.createProject('Users');
    const userIds = Array.from({ length: 3000 }, (_, i) => `new-user-${i}`);
    const batch = (ids: string[]): IncomingEvent[] => ids.map((userId) => ({ userId, name: 'Signup', attributes: {}, occurredAt: new Date() }));
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => ingest.ingest(projectId, batch(i % 2 === 0 ? userIds : [...userIds].reverse()))),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const [{ count }] = await h.db.dataSource.query<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM users WHERE project_id = $1`, [projectId]);
    expect(count).toBe(3000);
  });
});
