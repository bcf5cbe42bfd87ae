import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@engine/persistence/testing';
import { type Job, Queue, Worker } from 'bullmq';
import { delayWhileUnreachable } from '../src/processors/delay-while-unreachable';
import { openQueue, queueConnection, type QueueBackend } from '../src/queues/queue-backend';
import { type OutboxJob } from '../src/queues/queue-names';
import { testQueueBackend } from '../src/testing/execution-harness';
import { eventually } from '@engine/persistence/testing';

describe('a job whose database is unreachable', () => {
  let db: TestDatabase;
  let backend: QueueBackend;
  let queue: Queue;
  const prefix = `test-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase('journeys_exec_test');
    backend = testQueueBackend(db.url);
    queue = openQueue('unreachable', backend, prefix);
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await db.drop();
  });

  it('is delayed and tried again without using an attempt, so its only attempt still succeeds', async () => {
    let tries = 0;
    const worker = new Worker<OutboxJob>(
      'unreachable',
      (job: Job<OutboxJob>, token?: string) =>
        delayWhileUnreachable(job, token, () => {
          tries += 1;
          if (tries === 1) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
          return Promise.resolve('done');
        }),
      queueConnection(backend, prefix),
    );
    try {
      const added = await queue.add('timer', { outboxId: '1' }, { attempts: 1 });
      await eventually(async () => (await queue.getJobState(added.id!)) === 'delayed', 30_000, 'the job to be delayed');
      const job = await eventually(async () => {
        const found = await queue.getJob(added.id!);
        return found && (await found.getState()) === 'completed' ? found : undefined;
      }, 30_000, 'the job to complete');
      expect(tries).toBe(2);
      expect(job.returnvalue).toBe('done');
      expect(job.data).toEqual({ outboxId: '1', unreachableTries: 1 });
      expect(job.attemptsMade).toBe(1);
    } finally {
      await worker.close();
    }
  });
});
