import { parseDuration } from '../duration/duration';
import { readPath } from '../condition/resolve-field';
import { type WaitDelayData } from '../format/journey-graph';
import { pickTimeZone } from './local-time';
import { parseInstant } from './parse-instant';
import { nextTimeOfDay } from './time-of-day';

export interface WaitUntilContext {
  now: number;
  /** The user's time zone (or the journey's fallback); an invalid one counts as UTC. */
  timeZone: string;
  tags: Record<string, unknown>;
  eventAttributes: Record<string, unknown>;
}

/**
 * When (epoch ms) a `wait.delay` node releases the user. Never earlier than `now`, and never
 * throws: a missing or unreadable date, duration or time releases the user at once (`now`), so a
 * bad profile value cannot strand anyone.
 *
 * - `duration`: now + duration.
 * - `timeOfDay`: the next `time` on one of `weekdays` in `data.timeZone`, else the user's zone.
 * - `date`: `fromTag` / `fromEventAttribute` (dotted paths allowed) or the fixed `date`, plus
 *   `offset` (`-1d` = one day before). Dates are ISO strings (without an offset: local time in
 *   the user's zone), epoch ms, or epoch seconds (numbers below 1e11).
 */
export function resolveWaitUntil(data: WaitDelayData, ctx: WaitUntilContext): number {
  const now = ctx.now;
  try {
    switch (data.mode) {
      case 'duration': {
        const ms = parseDuration(data.duration);
        return ms === undefined ? now : now + ms;
      }
      case 'timeOfDay':
        return nextTimeOfDay(now, data.time, pickTimeZone(data.timeZone, ctx.timeZone), data.weekdays);
      case 'date': {
        const zone = pickTimeZone(ctx.timeZone);
        const instant = parseInstant(dateSource(data, ctx), zone);
        if (instant === undefined) return now;
        return Math.max(now, instant + signedDuration(data.offset));
      }
      default:
        return now;
    }
  } catch {
    return now;
  }
}

function dateSource(data: Extract<WaitDelayData, { mode: 'date' }>, ctx: WaitUntilContext): unknown {
  if (typeof data.fromTag === 'string' && data.fromTag !== '') return readPath(ctx.tags, data.fromTag.split('.'));
  if (typeof data.fromEventAttribute === 'string' && data.fromEventAttribute !== '') {
    return readPath(ctx.eventAttributes, data.fromEventAttribute.split('.'));
  }
  return data.date;
}

/** `-1d` -> minus one day, `2h` or `+2h` -> plus two hours; absent or unreadable -> 0. */
export function signedDuration(offset: string | undefined): number {
  if (typeof offset !== 'string') return 0;
  const trimmed = offset.trim();
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const ms = parseDuration(trimmed.replace(/^[-+]/, ''));
  return ms === undefined ? 0 : sign * ms;
}
