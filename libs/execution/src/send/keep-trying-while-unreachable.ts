import { isDatabaseUnavailable } from '@engine/persistence';

export interface KeepTryingOptions {
  /** Waits this long; a test passes its own. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each new try. */
  onRetry?: (error: unknown, triesSoFar: number) => void;
  /** Gives up (throwing the last error) once this much waiting has been spent. */
  maxWaitMs?: number;
}

/** The first wait after a try found the database unreachable; it doubles up to `MAX_DELAY_MS`. */
const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;
/** Ten minutes: longer than a database restart or failover, shorter than forever. */
const DEFAULT_MAX_WAIT_MS = 10 * 60_000;

/**
 * Runs `work` until it succeeds, trying again while it fails because the database cannot be
 * reached. For work that must not be lost once done elsewhere, such as recording a provider's
 * answer: giving up would turn a message that went out into one whose outcome is unknown. Other
 * errors pass through at once.
 */
export async function keepTryingWhileUnreachable<Result>(work: () => Promise<Result>, options: KeepTryingOptions = {}): Promise<Result> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let waited = 0;
  for (let tries = 0; ; tries++) {
    try {
      return await work();
    } catch (error) {
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(tries, 20));
      if (!isDatabaseUnavailable(error) || waited + delay > maxWaitMs) throw error;
      options.onRetry?.(error, tries + 1);
      await sleep(delay);
      waited += delay;
    }
  }
}
