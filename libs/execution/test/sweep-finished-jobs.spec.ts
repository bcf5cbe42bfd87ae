import { type JourneyGraph } from '@engine/journey';
import { type Job, Worker } from 'bullmq';
import { StepUsers } from '../src/stepping/step-users.usecase';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { outboxJobId } from '../src/queues/outbox-dispatcher';
import { openQueue, queueConnection } from '../src/queues/queue-backend';
import { type OutboxJob, QUEUES } from '../src/queues/queue-names';
import { Sweep } from '../src/sweeper/sweep.usecase';
import { type ExecutionHarness, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { eventually } from '@engine/persistence/testing';
import { createReachableUser, edge, messagesOf, node } from './fixtures';

/** Joined -> push -> exit. */
const pushOnce: JourneyGraph = {
  formatVersion: 1,
  nodes: [node('entry', 'entry.event', { event: 'Joined' }, 0), node('push', 'send.push', { title: 'Hi', body: 'Welcome' }, 200), node('exit', 'exit', {}, 400)],
  edges: [edge('entry', 'push'), edge('push', 'exit')],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
};

describe('the sweeper and finished jobs', () => {
  let producer: ExecutionHarness;

  beforeAll(async () => {
    producer = await startExecutionHarness({ runWorkers: false });
    await publishJourney(producer.db, producer.projectId, pushOnce, 'Push once');
  });
  afterAll(async () => {
    await producer.close();
  });

  it('re-queues a pending outbox row whose job already failed for good, and the row is processed', async () => {
    const user = await createReachableUser(producer.db, producer.projectId, 'stranded');
    await producer.app.get(IngestEvents).ingest(producer.projectId, [{ userId: 'stranded', name: 'Joined', attributes: {}, occurredAt: new Date() }]);
    await producer.app.get(StepUsers).step({ userIds: [user.id], withEvents: true });
    const [row] = await producer.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM outbox WHERE status = 'pending' AND kind = 'send'`);
    const jobId = outboxJobId(String(row.id));

    // The row's job used up its attempts (as during a database outage): one attempt, failed, kept.
    const { queueBackend: backend, queuePrefix: prefix } = producer.config;
    const queue = openQueue(QUEUES.sendPush, backend, prefix);
    // Replaced before any worker runs: a worker that took the original (8 attempts) first would keep
    // it locked, the removal would do nothing, and the job would not fail within the test.
    await queue.remove(jobId);
    await queue.add('send', { outboxId: String(row.id) }, { jobId, attempts: 1, removeOnFail: { count: 10_000 } });
    const failing = new Worker<OutboxJob>(
      QUEUES.sendPush,
      (job: Job<OutboxJob>) => Promise.reject(new Error(`connect ECONNREFUSED (outbox ${job.data.outboxId})`)),
      queueConnection(backend, prefix),
    );
    try {
      await eventually(async () => (await queue.getJobState(jobId)) === 'failed', 30_000, 'the job to fail');
    } finally {
      await failing.close();
      await queue.close();
    }

    const worker = await startExecutionHarness({ runWorkers: true }, { db: producer.db, queuePrefix: prefix });
    try {
      expect(await worker.app.get(Sweep).sweep()).toEqual({ users: 0, outbox: 1, replacedFinishedJobs: 1 });
      await eventually(async () => (await messagesOf(producer.db, user.id)).some((m) => m.status === 'sent'), 30_000, 'the push to go out');
      await eventually(async () => {
        const [outbox] = await producer.db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM outbox WHERE id = $1`, [row.id]);
        return outbox.status === 'done';
      }, 30_000, 'the outbox row to be done');
      expect((await messagesOf(producer.db, user.id)).filter((m) => m.status === 'sent')).toHaveLength(1);
    } finally {
      await worker.app.close();
    }
  });
});
