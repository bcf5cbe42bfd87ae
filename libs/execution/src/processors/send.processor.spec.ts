import { DelayedError, type Job } from 'bullmq';
import { type OutboxJob } from '../queues/queue-names';
import { type SendBatcher } from '../send/send-batcher';
import { type SendMessages, type SendOutcome } from '../send/send-messages.usecase';
import { PushSendProcessor } from './send.processor';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** A push send processor whose batcher answers `submit`, and a job on attempt `attemptsMade + 1` of 8. */
function setUp(submit: () => Promise<SendOutcome>, attemptsMade: number, failAfterRetries: () => Promise<void> = () => Promise.resolve()) {
  const calls = { failAfterRetries: [] as string[], delayed: 0 };
  const processor = new PushSendProcessor();
  const sends: Pick<SendBatcher, 'submit'> = { submit };
  const sendMessages: Pick<SendMessages, 'failAfterRetries'> = {
    failAfterRetries: (_outboxId: string, reason: string) => {
      calls.failAfterRetries.push(reason);
      return failAfterRetries();
    },
  };
  // The processor's collaborators are property-injected by Nest; set them as Nest would.
  Object.assign(processor, { sends, sendMessages });
  const job = {
    data: { outboxId: '7' } as OutboxJob,
    attemptsMade,
    opts: { attempts: 8 },
    updateData(data: OutboxJob) {
      job.data = data;
      return Promise.resolve();
    },
    moveToDelayed() {
      calls.delayed += 1;
      return Promise.resolve();
    },
  };
  return { run: () => processor.process(job as unknown as Job<OutboxJob>, 'token'), calls, job };
}

describe('send processor', () => {
  it('delays a send on its last attempt whose database is unreachable, and never fails it after retries', async () => {
    const { run, calls, job } = setUp(() => Promise.reject(refused()), 7);
    await expect(run()).rejects.toBeInstanceOf(DelayedError);
    expect(calls).toEqual({ failAfterRetries: [], delayed: 1 });
    expect(job.data.unreachableTries).toBe(1);
  });

  it("fails a send after its last attempt when the provider refused it", async () => {
    const { run, calls } = setUp(() => Promise.resolve({ kind: 'retry', messageId: 'm', reason: 'provider said no' }), 7);
    await run();
    expect(calls).toEqual({ failAfterRetries: ['provider said no'], delayed: 0 });
  });

  it("lets BullMQ count and retry a provider's refusal before the last attempt", async () => {
    const { run, calls } = setUp(() => Promise.resolve({ kind: 'retry', messageId: 'm', reason: 'provider said no' }), 2);
    await expect(run()).rejects.toThrow('provider said no');
    expect(calls).toEqual({ failAfterRetries: [], delayed: 0 });
  });

  it('delays the last-attempt failure itself when the database is unreachable while recording it', async () => {
    const { run, calls } = setUp(() => Promise.resolve({ kind: 'retry', messageId: 'm', reason: 'provider said no' }), 7, () => Promise.reject(refused()));
    await expect(run()).rejects.toBeInstanceOf(DelayedError);
    expect(calls).toEqual({ failAfterRetries: ['provider said no'], delayed: 1 });
  });
});
