import { isDatabaseUnavailable } from '@engine/persistence';
import { DelayedError } from 'bullmq';
import { type UnreachableTries } from '../queues/queue-names';
import { unreachableRetryDelayMs } from './unreachable-retry-delay';

/** The part of a BullMQ job this needs (a real `Job` is one). */
export interface DelayableJob<Data extends UnreachableTries> {
  data: Data;
  updateData(data: Data): Promise<void>;
  moveToDelayed(timestamp: number, token?: string): Promise<void>;
}

/**
 * Runs a job's work and answers its result; when it fails because the database (or another dependency of ours) cannot be
 * reached, puts the job back as delayed, without using one of its attempts, to try again after a
 * capped backoff. An outage is ours, not the job's: only the job's own failures count against its
 * attempts (and reach a last-attempt path such as a send's `failAfterRetries`). Other errors,
 * `DelayedError` included, pass through unchanged.
 */
export async function delayWhileUnreachable<Data extends UnreachableTries, Result>(
  job: DelayableJob<Data>,
  token: string | undefined,
  work: () => Promise<Result>,
  now: () => number = Date.now,
): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const triesSoFar = job.data.unreachableTries ?? 0;
    await job.updateData({ ...job.data, unreachableTries: triesSoFar + 1 });
    await job.moveToDelayed(now() + unreachableRetryDelayMs(triesSoFar), token);
    throw new DelayedError();
  }
}
