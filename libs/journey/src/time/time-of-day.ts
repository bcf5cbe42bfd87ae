import { isValidTimeZone, localDate, localInstant, parseTimeOfDay } from './local-time';

export { isValidTimeOfDay, isValidTimeZone } from './local-time';

const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * The first instant strictly after `now` when the clock in `timeZone` shows `time` (HH:mm) on one
 * of `weekdays` (1 = Monday ... 7 = Sunday; all when omitted or empty). One instant per local day:
 * on the day DST ends the earlier of the two 02:30s; on the day DST starts a skipped time moves
 * forward by the gap (02:30 -> 03:30 in Europe/Berlin). Throws a RangeError for an invalid time
 * or time zone (validation rejects those before a journey publishes).
 */
export function nextTimeOfDay(now: number, time: string, timeZone: string, weekdays?: number[]): number {
  const clock = parseTimeOfDay(time);
  if (clock === undefined) throw new RangeError(`"${time}" is not a time of day (write HH:mm, e.g. 09:30)`);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a known time zone`);
  if (!Number.isFinite(now)) throw new RangeError('now is not a finite instant');
  const allowed = allowedWeekdays(weekdays);
  // Starting from yesterday covers zones where the local date lags; 9 days cover any weekday.
  for (let days = -1; days <= 8; days += 1) {
    const date = localDate(now, timeZone, days);
    if (!allowed.has(date.weekday)) continue;
    const instant = localInstant(date, clock, timeZone);
    if (instant > now) return instant;
  }
  // Unreachable: some allowed weekday always falls within the next 8 days.
  throw new RangeError('no matching time of day within a week');
}

function allowedWeekdays(weekdays: number[] | undefined): Set<number> {
  const valid = (Array.isArray(weekdays) ? weekdays : []).filter(
    (day) => Number.isInteger(day) && day >= 1 && day <= 7,
  );
  return new Set(valid.length > 0 ? valid : ALL_WEEKDAYS);
}
