import { type Queue } from 'bullmq';
import { type ProcessEventsJob } from './queue-names';

/** Users per events job: large enough to batch database work, small enough to spread over workers. */
export const USERS_PER_JOB = 250;

export async function enqueueUserBatches(queue: Queue, userIds: string[]): Promise<void> {
  const jobs: Array<{ name: string; data: ProcessEventsJob; opts: { removeOnComplete: true; removeOnFail: { count: number }; attempts: number; backoff: { type: 'exponential'; delay: number } } }> = [];
  for (let start = 0; start < userIds.length; start += USERS_PER_JOB) {
    jobs.push({
      name: 'process-events',
      data: { userIds: userIds.slice(start, start + USERS_PER_JOB) },
      opts: { removeOnComplete: true, removeOnFail: { count: 10_000 }, attempts: 8, backoff: { type: 'exponential', delay: 500 } },
    });
  }
  if (jobs.length > 0) await queue.addBulk(jobs);
}
