import { DelayedError } from 'bullmq';
import { type DelayableJob, delayWhileUnreachable } from './delay-while-unreachable';

interface FakeData {
  outboxId: string;
  unreachableTries?: number;
}

/** A job that records what the wrapper asked of it. */
function fakeJob(data: FakeData): DelayableJob<FakeData> & { delayedUntil: Array<{ timestamp: number; token?: string }> } {
  const job = {
    data,
    delayedUntil: [] as Array<{ timestamp: number; token?: string }>,
    updateData(next: FakeData): Promise<void> {
      job.data = next;
      return Promise.resolve();
    },
    moveToDelayed(timestamp: number, token?: string): Promise<void> {
      job.delayedUntil.push({ timestamp, token });
      return Promise.resolve();
    },
  };
  return job;
}

const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
const NOW = 1_700_000_000_000;

describe('delayWhileUnreachable', () => {
  it('runs the work and leaves a job that succeeds as it is', async () => {
    const job = fakeJob({ outboxId: '1' });
    await delayWhileUnreachable(job, 'token', () => Promise.resolve(), () => NOW);
    expect(job.delayedUntil).toEqual([]);
    expect(job.data).toEqual({ outboxId: '1' });
  });

  it('delays a job whose database is unreachable by 1 s, without using an attempt (DelayedError)', async () => {
    const job = fakeJob({ outboxId: '1' });
    await expect(delayWhileUnreachable(job, 'token', refused, () => NOW)).rejects.toBeInstanceOf(DelayedError);
    expect(job.delayedUntil).toEqual([{ timestamp: NOW + 1_000, token: 'token' }]);
    expect(job.data).toEqual({ outboxId: '1', unreachableTries: 1 });
  });

  it('waits longer with each try that finds the database unreachable, up to 30 s', async () => {
    const job = fakeJob({ outboxId: '1' });
    for (let i = 0; i < 7; i++) await delayWhileUnreachable(job, 'token', refused, () => NOW).catch(() => undefined);
    expect(job.delayedUntil.map((delayed) => delayed.timestamp - NOW)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('lets any other failure through as it is, for BullMQ to count and retry', async () => {
    const job = fakeJob({ outboxId: '1' });
    const refusal = new Error('provider said no');
    await expect(delayWhileUnreachable(job, 'token', () => Promise.reject(refusal), () => NOW)).rejects.toBe(refusal);
    const throttled = new DelayedError();
    await expect(delayWhileUnreachable(job, 'token', () => Promise.reject(throttled), () => NOW)).rejects.toBe(throttled);
    expect(job.delayedUntil).toEqual([]);
  });
});
