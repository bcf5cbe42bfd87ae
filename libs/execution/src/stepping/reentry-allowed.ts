import { durationMs, type ReentryPolicy } from '@engine/journey';

/** Whether a user may enter a journey again, given their previous entries of it. */
export function reentryAllowed(
  policy: ReentryPolicy,
  previous: { lastEnteredAt: Date; active: boolean; count: number } | undefined,
  now: number,
): boolean {
  if (!previous || previous.count === 0) return true;
  switch (policy.mode) {
    case 'never':
      return false;
    case 'afterExit':
      return !previous.active;
    case 'always':
      return true;
    case 'cooldown':
      return !previous.active && now - previous.lastEnteredAt.getTime() >= durationMs(policy.cooldown ?? '0s');
  }
}
