import { connectionFailureReason, maskUrlPassword } from '@engine/persistence';
import Redis from 'ioredis';

/**
 * One connection attempt (and a PING) with a short timeout, no retries. Resolves to null when
 * Redis answers, or to a short reason ("ECONNREFUSED", "NOAUTH ...").
 */
export async function probeRedis(url: string, timeoutMs = 3000): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // With no retries, connect() rejects with "Connection is closed": the cause comes as an event.
  let cause: unknown = null;
  redis.on('error', (error: unknown) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error: unknown) {
    return connectionFailureReason(cause ?? error);
  } finally {
    redis.disconnect();
  }
}

/** The one-line failure for a configured Redis that does not answer at start. */
export function redisUnreachableMessage(url: string, reason: string): string {
  return `Redis at ${maskUrlPassword(url)} (REDIS_URL) does not answer (${reason}). Start it or fix REDIS_URL, or unset REDIS_URL to run the queues on PostgreSQL.`;
}
