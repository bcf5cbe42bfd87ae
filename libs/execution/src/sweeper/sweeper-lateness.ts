/** How many sweep periods may pass without a completed sweep before the sweeper counts as late. */
export const SWEEPS_MISSED_BEFORE_LATE = 3;

export interface SweeperLatenessInput {
  /** When the last sweep completed (any process), if one ever did. */
  lastCompletedAt: Date | undefined;
  /** Since when the asker has been watching (its start): without any sweep, it waits this long first. */
  watchingSince: Date;
  now: Date;
  sweepEveryMs: number;
}

/**
 * Whether the sweeper has fallen silent: no sweep completed within SWEEPS_MISSED_BEFORE_LATE
 * periods (counted from the asker's start when no sweep ever completed, so a fresh deployment
 * is not reported before its first sweep was due). No process running workers, a sweep stuck or
 * failing every time all end here: lost queue work would then never be restored.
 */
export function sweeperLateness(input: SweeperLatenessInput): { late: false } | { late: true; reason: string } {
  const allowedMs = SWEEPS_MISSED_BEFORE_LATE * input.sweepEveryMs;
  const since = input.lastCompletedAt ?? input.watchingSince;
  const silentMs = input.now.getTime() - since.getTime();
  if (silentMs <= allowedMs) return { late: false };
  const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
  const what = input.lastCompletedAt ? `the last sweep completed ${seconds(silentMs)} ago` : `no sweep has completed in the ${seconds(silentMs)} since this process started`;
  return {
    late: true,
    reason: `${what}; sweeps are due every ${seconds(input.sweepEveryMs)} (is a process with workers running, and can it reach PostgreSQL?)`,
  };
}
