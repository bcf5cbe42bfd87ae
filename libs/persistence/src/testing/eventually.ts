import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The one way tests wait: polls `check` until it returns a value other than `undefined` or
 * `false` (workers and queues run asynchronously), and returns that value; fails after
 * `timeoutMs` naming `what` and the last value seen. Never wait for a fixed time instead.
 */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined | false;
  for (;;) {
    last = await check();
    if (last !== undefined && last !== false) return last;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(50);
  }
}
