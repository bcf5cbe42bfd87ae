import { durationMs, type FrequencyCap, type UserChannel } from '@engine/journey';
import { type EntityManager } from 'typeorm';

/**
 * Whether the user already got (or is being sent) `maxMessages` messages of the capped channels
 * within the period. `claimedInBatch` counts sends of this user claimed earlier in the same batch.
 */
export async function frequencyCapReached(
  manager: EntityManager,
  userId: string,
  channel: string,
  cap: FrequencyCap | undefined,
  now: number,
  claimedInBatch = 0,
): Promise<boolean> {
  if (!cap || !(cap.channels as string[]).includes(channel)) return false;
  const [row] = await manager.query<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM messages
      WHERE user_id = $1 AND channel = ANY($2) AND created_at > $3 AND status NOT IN ('failed', 'suppressed')`,
    [userId, cap.channels satisfies UserChannel[], new Date(now - durationMs(cap.period))],
  );
  return (row?.count ?? 0) + claimedInBatch >= cap.maxMessages;
}
