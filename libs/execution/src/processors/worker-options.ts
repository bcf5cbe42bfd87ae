import { type WorkerOptions } from 'bullmq';

/**
 * Worker options read when the processor classes load. `WORKER_LOCK_MS` bounds how long a job of a
 * crashed worker stays claimed before another worker takes it over (BullMQ's stalled-job check).
 */
export function workerOptions(): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> {
  const lockMs = Number(process.env['WORKER_LOCK_MS'] ?? 30_000);
  const lockDuration = Number.isInteger(lockMs) && lockMs >= 1000 ? lockMs : 30_000;
  return { lockDuration, stalledInterval: lockDuration, maxStalledCount: 3 };
}
