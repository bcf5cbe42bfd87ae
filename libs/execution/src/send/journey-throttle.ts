import { Inject, Injectable } from '@nestjs/common';
import { type ChannelThrottle, durationMs } from '@engine/journey';
import type Redis from 'ioredis';
import { EXECUTION_REDIS } from '../queues/execution-redis';

/**
 * Per-journey, per-channel throttling ("at most 1 000 emails a minute for this journey") as fixed
 * windows counted in Redis. A send over the limit waits for the next window.
 */
@Injectable()
export class JourneyThrottle {
  constructor(@Inject(EXECUTION_REDIS) private readonly redis: Redis) {}

  /** Counts this send in; returns when to try again if the window is full, else undefined. */
  async reserve(journeyId: string, channel: string, throttles: readonly ChannelThrottle[], now: number): Promise<number | undefined> {
    const throttle = throttles.find((candidate) => candidate.channel === channel);
    if (!throttle) return undefined;
    const windowMs = durationMs(throttle.per);
    const window = Math.floor(now / windowMs);
    const key = `throttle:${journeyId}:${channel}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, windowMs * 2).exec()) as [[Error | null, number]];
    if (count <= throttle.limit) return undefined;
    return (window + 1) * windowMs;
  }
}
