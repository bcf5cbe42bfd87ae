import { type BackoffStrategy, type WorkerOptions } from 'bullmq';
import { SEND_BACKOFF_TYPE, sendRetryDelayMs } from '../send/send-retry-delay';

/** Meta's default throughput for a WhatsApp Business phone number. */
export const WHATSAPP_DEFAULT_MESSAGES_PER_SECOND = 80;

/**
 * Worker options read when the processor classes load. `WORKER_LOCK_MS` bounds how long a job of a
 * crashed worker stays claimed before another worker takes it over (BullMQ's stalled-job check).
 */
export function workerOptions(): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> {
  const lockMs = Number(process.env['WORKER_LOCK_MS'] ?? 30_000);
  const lockDuration = Number.isInteger(lockMs) && lockMs >= 1000 ? lockMs : 30_000;
  return { lockDuration, stalledInterval: lockDuration, maxStalledCount: 3 };
}

/**
 * A send job's wait before its next attempt: exponential, but never sooner than its provider asked
 * (the `retryAfterMs` of the error the attempt threw). Only for send jobs (`SEND_BACKOFF_TYPE`).
 */
export const sendBackoff: BackoffStrategy = (attemptsMade, type, error, job) => {
  if (type !== SEND_BACKOFF_TYPE) throw new Error(`Unknown backoff type ${String(type)} for a send job`);
  const asked = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'object' && typeof backoff.delay === 'number' ? backoff.delay : undefined;
  return sendRetryDelayMs(attemptsMade, typeof asked === 'number' ? asked : undefined, base);
};

/** Options of the send workers: those of every worker, and the provider-aware backoff. */
export function sendWorkerOptions(): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount' | 'settings'> {
  return { ...workerOptions(), settings: { backoffStrategy: sendBackoff } };
}

/**
 * The WhatsApp send queue's rate limit (BullMQ's limiter, shared by every worker process through
 * Redis): `WHATSAPP_MESSAGES_PER_SECOND`, Meta's 80 by default. Raise it when Meta raises your tier.
 */
export function whatsAppWorkerOptions(env: NodeJS.ProcessEnv = process.env): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount' | 'settings' | 'limiter'> {
  const raw = env['WHATSAPP_MESSAGES_PER_SECOND'];
  const perSecond = raw === undefined || raw === '' ? WHATSAPP_DEFAULT_MESSAGES_PER_SECOND : Number(raw);
  if (!Number.isInteger(perSecond) || perSecond < 1) {
    throw new Error(`WHATSAPP_MESSAGES_PER_SECOND must be a positive whole number, got "${raw}"`);
  }
  return { ...sendWorkerOptions(), limiter: { max: perSecond, duration: 1000 } };
}
