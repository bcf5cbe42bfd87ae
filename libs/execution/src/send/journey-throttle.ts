import { type ChannelThrottle, durationMs } from '@engine/journey';
import { ThrottleWindowStore } from '@engine/persistence';
import { type EntityManager } from 'typeorm';

/** The fixed window a send at `now` falls in, for a throttle of `limit` per `per`. */
export function throttleWindow(throttle: ChannelThrottle, now: number): { start: number; next: number; expiresAt: number } {
  const windowMs = durationMs(throttle.per);
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, next: start + windowMs, expiresAt: start + 2 * windowMs };
}

/**
 * Per-journey, per-channel throttling ("at most 1 000 emails a minute for this journey") as fixed
 * windows counted in PostgreSQL, in the claim's transaction. A send over the limit waits for the
 * next window. Counts this send in; returns when to try again if the window is full, else undefined.
 */
export async function reserveThrottledSend(
  manager: EntityManager,
  journeyId: string,
  channel: string,
  throttles: readonly ChannelThrottle[],
  now: number,
): Promise<number | undefined> {
  const throttle = throttles.find((candidate) => candidate.channel === channel);
  if (!throttle) return undefined;
  const window = throttleWindow(throttle, now);
  const sends = await ThrottleWindowStore.countSend(manager, { journeyId, channel, windowStart: window.start, expiresAt: new Date(window.expiresAt) });
  return sends <= throttle.limit ? undefined : window.next;
}
