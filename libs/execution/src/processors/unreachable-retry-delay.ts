/** The first wait of a job whose database or queue was unreachable. */
export const UNREACHABLE_FIRST_DELAY_MS = 1_000;
/** The longest wait between two tries while the outage lasts. */
export const UNREACHABLE_MAX_DELAY_MS = 30_000;

/**
 * How long a job waits before its next try when the database (or queue) was unreachable, given how
 * many tries in a row already found it so: 1 s, doubling each time, at most 30 s. An outage of any
 * length is waited out this way; the job's own attempts are kept for its own failures.
 */
export function unreachableRetryDelayMs(unreachableTriesSoFar: number): number {
  const doublings = Number.isFinite(unreachableTriesSoFar) ? Math.max(0, Math.min(Math.floor(unreachableTriesSoFar), 30)) : 0;
  return Math.min(UNREACHABLE_MAX_DELAY_MS, UNREACHABLE_FIRST_DELAY_MS * 2 ** doublings);
}
