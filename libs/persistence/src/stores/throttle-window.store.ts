import { type EntityManager } from 'typeorm';

export interface ThrottleWindowKey {
  journeyId: string;
  channel: string;
  /** Start of the window, in milliseconds since the epoch. */
  windowStart: number;
  /** When the window's row may be deleted. */
  expiresAt: Date;
}

/** The one writer of `throttle_windows`. */
export const ThrottleWindowStore = {
  /**
   * Counts one send into its window and returns the window's count including it. Runs in the
   * caller's transaction: a claim that rolls back takes its count back with it.
   */
  async countSend(manager: EntityManager, key: ThrottleWindowKey): Promise<number> {
    const [row] = await manager.query<Array<{ sends: number }>>(
      `INSERT INTO throttle_windows (journey_id, channel, window_start, sends, expires_at) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (journey_id, channel, window_start) DO UPDATE SET sends = throttle_windows.sends + 1
       RETURNING sends`,
      [key.journeyId, key.channel, key.windowStart, key.expiresAt],
    );
    return row.sends;
  },

  /** Deletes windows that can no longer count a send; returns how many. */
  async deleteExpired(manager: EntityManager, now: Date): Promise<number> {
    const result = await manager.query<[unknown[], number]>(`DELETE FROM throttle_windows WHERE expires_at < $1`, [now]);
    return result[1];
  },
};
