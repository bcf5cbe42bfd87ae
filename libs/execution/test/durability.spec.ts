import { type JourneyGraph } from '@engine/journey';
import { StepUsers } from '../src/stepping/step-users.usecase';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { Sweep } from '../src/sweeper/sweep.usecase';
import { type ExecutionHarness, obliterateQueues, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { eventually } from '@engine/persistence/testing';
import { createReachableUser, edge, instancesOf, messagesOf, node } from './fixtures';


/** Signup -> count it in a tag -> exit; re-entry always, so every Signup is one instance. */
const counting: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    node('entry', 'entry.event', { event: 'Signup' }, 0),
    node('count', 'update.tags', { operations: [{ op: 'increment', tag: 'signups' }, { op: 'set', tag: 'last', value: '{{event.n}}' }] }, 200),
    node('exit', 'exit', {}, 400),
  ],
  edges: [edge('entry', 'count'), edge('count', 'exit')],
  settings: { goals: [], reentry: { mode: 'always' }, throttling: [] },
};

/** Signup -> push -> wait 1 s -> email -> exit. */
const delayed: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    node('entry', 'entry.event', { event: 'Joined' }, 0),
    node('push', 'send.push', { title: 'Hi', body: 'Welcome' }, 200),
    node('wait', 'wait.delay', { mode: 'duration', duration: '1s' }, 400),
    node('email', 'send.email', { subject: 'Hi', html: '<p>Hi</p>' }, 600),
    node('exit', 'exit', {}, 800),
  ],
  edges: [edge('entry', 'push'), edge('push', 'wait'), edge('wait', 'email'), edge('email', 'exit')],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
};

describe('durability', () => {
  let producer: ExecutionHarness;

  beforeAll(async () => {
    producer = await startExecutionHarness({ runWorkers: false });
    await publishJourney(producer.db, producer.projectId, counting, 'Counting');
    await publishJourney(producer.db, producer.projectId, delayed, 'Delayed');
  });
  afterAll(async () => {
    await producer.close();
  });

  it('two workers stepping the same user at once apply each event exactly once, in order', async () => {
    const user = await createReachableUser(producer.db, producer.projectId, 'busy');
    const second = await startExecutionHarness({ runWorkers: false }, { db: producer.db, queuePrefix: producer.config.queuePrefix });
    try {
      const events = Array.from({ length: 40 }, (_, i) => ({ userId: 'busy', name: 'Signup', attributes: { n: i }, occurredAt: new Date() }));
      // Store them without stepping (no workers run), then race two "workers" on the same user.
      for (const event of events) await producer.app.get(IngestEvents).ingest(producer.projectId, [event]);
      const racers = [producer, second, producer, second].map((h) => h.app.get(StepUsers));
      await Promise.all(racers.flatMap((stepUsers) => [1, 2, 3].map(() => stepUsers.step({ userIds: [user.id], withEvents: true }))));

      const [row] = await producer.db.dataSource.query<Array<{ signups: number; last: string }>>(
        `SELECT (tags->>'signups')::int AS signups, tags->>'last' AS last FROM users WHERE id = $1`,
        [user.id],
      );
      // Counted once each, and the last one applied is the last one sent.
      expect(row).toEqual({ signups: 40, last: '39' });
      expect(await instancesOf(producer.db, user.id)).toHaveLength(40);
      const unprocessed = await producer.db.dataSource.query<unknown[]>(`SELECT id FROM events WHERE user_id = $1 AND processed_at IS NULL`, [user.id]);
      expect(unprocessed).toEqual([]);
    } finally {
      await second.app.close();
    }
  });

  it('loses nothing when the queues lose every queued job: the sweeper re-queues events and due timers', async () => {
    const early = await createReachableUser(producer.db, producer.projectId, 'early');
    const late = await createReachableUser(producer.db, producer.projectId, 'late');
    await producer.app.get(IngestEvents).ingest(producer.projectId, [{ userId: 'early', name: 'Joined', attributes: {}, occurredAt: new Date() }]);

    // A worker takes 'early' as far as the 1 s wait (push sent, timer queued), then stops.
    const worker = await startExecutionHarness({ runWorkers: true }, { db: producer.db, queuePrefix: producer.config.queuePrefix });
    await eventually(async () => (await instancesOf(producer.db, early.id))[0]?.current_node_id === 'wait', 10_000, 'early to wait');
    await eventually(async () => (await messagesOf(producer.db, early.id)).some((m) => m.status === 'sent'), 10_000, 'the push');
    await worker.app.close();

    // 'late' arrives while no worker runs; then the queues lose everything.
    await producer.app.get(IngestEvents).ingest(producer.projectId, [{ userId: 'late', name: 'Joined', attributes: {}, occurredAt: new Date() }]);
    await obliterateQueues(producer.config);
    await eventually(async () => {
      const [timer] = await producer.db.dataSource.query<Array<{ due: boolean }>>(
        `SELECT o.due_at <= now() AS due FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
          WHERE i.user_id = $1 AND o.kind = 'schedule' AND o.status = 'pending'`,
        [early.id],
      );
      return timer?.due === true;
    }, 5_000, "early's timer to fall due");

    const restarted = await startExecutionHarness({ runWorkers: true }, { db: producer.db, queuePrefix: producer.config.queuePrefix });
    try {
      const swept = await restarted.app.get(Sweep).sweep();
      expect(swept).toEqual({ users: 1, outbox: 1, replacedFinishedJobs: 0 });
      await eventually(async () => (await instancesOf(producer.db, early.id))[0]?.status === 'completed', 10_000, 'early to finish');
      await eventually(async () => (await instancesOf(producer.db, late.id))[0]?.current_node_id === 'wait', 10_000, 'late to reach the wait');
      await eventually(async () => {
        await restarted.app.get(Sweep).sweep(Date.now() + 2000);
        return (await instancesOf(producer.db, late.id))[0]?.status === 'completed';
      }, 10_000, 'late to finish');
      // Once everyone is done, nothing is left to re-queue (a sweep inside the loop above may still
      // have seen late's last send outcome on its way to being applied).
      const sweptAgain = await restarted.app.get(Sweep).sweep(Date.now() + 2000);
      expect(sweptAgain.users).toBe(0);
      await eventually(async () => (await messagesOf(producer.db, early.id)).filter((m) => m.status === 'sent').length === 2, 10_000, "early's email");
      expect((await messagesOf(producer.db, early.id)).map((m) => m.node_id).sort()).toEqual(['email', 'push']);
    } finally {
      await restarted.app.close();
    }
  });
});
