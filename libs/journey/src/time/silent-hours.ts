import { type SilentHours, type SilentWindow } from '../format/journey-graph';
import { type UserChannel } from '../format/node-types';
import { localDate, localInstant, parseTimeOfDay, pickTimeZone } from './local-time';

// Silent windows chaining on for longer than this silence everything; such settings are ignored.
const MAX_CHAIN_DAYS = 7;

interface Interval {
  start: number;
  end: number;
}

/**
 * When a message on `channel` may go out: `now` when no silent window covers it, else the end of
 * the window (and of any window that starts as that one ends, so 22:00-00:00 followed by
 * 00:00-08:00 ends at 08:00). A window belongs to the weekday it starts on: Friday 22:00-08:00
 * runs into Saturday morning. `from` equal to `to` silences 24 hours from `from` (00:00-00:00:
 * the whole day). Local times are in `timeZone`, or `silentHours.fallbackTimeZone` when that is
 * missing or invalid. Windows that would silence a whole week are ignored rather than holding
 * messages forever.
 */
export function nextAllowedSendTime(
  now: number,
  silentHours: SilentHours | undefined,
  channel: UserChannel,
  timeZone: string | undefined,
): number {
  try {
    if (silentHours === undefined || silentHours === null) return now;
    if (!Array.isArray(silentHours.channels) || !silentHours.channels.includes(channel)) return now;
    if (!Array.isArray(silentHours.windows) || silentHours.windows.length === 0) return now;
    const zone = pickTimeZone(timeZone, silentHours.fallbackTimeZone);
    const intervals = silentIntervals(now, silentHours.windows, zone);
    let allowedAt = now;
    for (;;) {
      const covering = intervals.find((interval) => interval.start <= allowedAt && allowedAt < interval.end);
      if (covering === undefined) return allowedAt;
      allowedAt = covering.end;
      if (allowedAt - now > MAX_CHAIN_DAYS * 86_400_000) return now;
    }
  } catch {
    return now;
  }
}

/** Every silent interval starting from the day before `now` to a week and a day after. */
function silentIntervals(now: number, windows: SilentWindow[], zone: string): Interval[] {
  const intervals: Interval[] = [];
  for (let days = -1; days <= MAX_CHAIN_DAYS + 2; days += 1) {
    const date = localDate(now, zone, days);
    const nextDate = localDate(now, zone, days + 1);
    for (const window of windows) {
      const from = parseTimeOfDay(window?.from);
      const to = parseTimeOfDay(window?.to);
      if (from === undefined || to === undefined) continue;
      if (!Array.isArray(window.weekdays) || !window.weekdays.includes(date.weekday)) continue;
      const start = localInstant(date, from, zone);
      const endsNextDay = to.hour * 60 + to.minute <= from.hour * 60 + from.minute;
      const end = localInstant(endsNextDay ? nextDate : date, to, zone);
      if (end > start) intervals.push({ start, end });
    }
  }
  return intervals;
}
