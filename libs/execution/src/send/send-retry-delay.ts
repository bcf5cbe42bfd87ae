/** The backoff type of send jobs: BullMQ calls the send workers' `backoffStrategy` for it. */
export const SEND_BACKOFF_TYPE = 'provider';

/** The first wait before a send is tried again; it doubles with every attempt. */
export const SEND_RETRY_FIRST_DELAY_MS = 1_000;

/**
 * How long a send waits before its next attempt: exponential from `baseDelayMs` (1 s, 2 s, 4 s...,
 * as BullMQ's own exponential backoff), but never sooner than the provider asked (`Retry-After`,
 * or WhatsApp's pair rate limit: one message per user every few seconds).
 */
export function sendRetryDelayMs(attemptsMade: number, retryAfterMs: number | undefined, baseDelayMs = SEND_RETRY_FIRST_DELAY_MS): number {
  const exponential = Math.round(2 ** Math.max(0, attemptsMade - 1) * baseDelayMs);
  return Math.max(exponential, retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : 0);
}

/** A provider's refusal worth retrying, with how long it asked to wait (if it said). */
export class ProviderRetryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'ProviderRetryError';
  }
}
