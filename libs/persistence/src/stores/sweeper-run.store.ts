import { type EntityManager } from 'typeorm';

/** The one writer of `sweeper_runs`. */
export const SweeperRunStore = {
  /** Records a completed sweep; a clock that went backwards never moves the time back. */
  async recordCompleted(manager: EntityManager, queuePrefix: string, completedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO sweeper_runs (queue_prefix, completed_at) VALUES ($1, $2)
       ON CONFLICT (queue_prefix) DO UPDATE SET completed_at = greatest(sweeper_runs.completed_at, excluded.completed_at)`,
      [queuePrefix, completedAt],
    );
  },

  /** When the last sweep of this queue namespace completed, if one ever did. */
  async lastCompleted(manager: EntityManager, queuePrefix: string): Promise<Date | undefined> {
    const [row] = await manager.query<Array<{ completed_at: Date }>>(`SELECT completed_at FROM sweeper_runs WHERE queue_prefix = $1`, [queuePrefix]);
    return row?.completed_at;
  },
};
