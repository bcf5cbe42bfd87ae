import { DateTime, IANAZone } from 'luxon';

/** A wall-clock time of day. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A local calendar date. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `s` is a time of day written `HH:mm`, from `00:00` to `23:59`. */
export function isValidTimeOfDay(s: string): boolean {
  return typeof s === 'string' && TIME_OF_DAY_PATTERN.test(s);
}

export function parseTimeOfDay(s: string): TimeOfDay | undefined {
  const match = typeof s === 'string' ? TIME_OF_DAY_PATTERN.exec(s) : null;
  return match === null ? undefined : { hour: Number(match[1]), minute: Number(match[2]) };
}

/** A UTC offset (`+02:00`, `-0530`): newer ICU (Node 24) accepts these as time zones, IANA does not. */
const UTC_OFFSET_PATTERN = /^[+-]\d/;

/**
 * Whether `tz` is an IANA time zone name this runtime knows (`Europe/Berlin`, `UTC`). Offsets are
 * refused on every Node version: a fixed offset has no daylight saving time, so a user's "9:00"
 * would drift by an hour twice a year.
 */
export function isValidTimeZone(tz: string): boolean {
  return typeof tz === 'string' && tz.length > 0 && !UTC_OFFSET_PATTERN.test(tz) && IANAZone.isValidZone(tz);
}

/** The first valid zone of the candidates, else UTC. */
export function pickTimeZone(...candidates: Array<string | undefined>): string {
  return candidates.find((tz): tz is string => tz !== undefined && isValidTimeZone(tz)) ?? 'UTC';
}

/** The local date in `timeZone` at instant `at`, shifted by `days`. */
export function localDate(at: number, timeZone: string, days = 0): LocalDate & { weekday: number } {
  const local = DateTime.fromMillis(at, { zone: timeZone }).startOf('day').plus({ days });
  return { year: local.year, month: local.month, day: local.day, weekday: local.weekday };
}

/**
 * The instant the clock in `timeZone` shows `time` on `date`. When the clock shows it twice (the
 * hour repeated as DST ends) this is the earlier one; when it never does (the hour skipped as DST
 * starts) the time moves forward by the gap, so 02:30 becomes 03:30 in Europe/Berlin.
 */
export function localInstant(date: LocalDate, time: TimeOfDay, timeZone: string): number {
  const zone = IANAZone.create(timeZone);
  const wallClock = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // The offsets in force a day either side cover every reading of the wall clock.
  const offsets = [zone.offset(wallClock - 86_400_000), zone.offset(wallClock + 86_400_000)];
  const exact = offsets
    .map((offsetMinutes) => wallClock - offsetMinutes * 60_000)
    .filter((instant) => zone.offset(instant) * 60_000 === wallClock - instant);
  if (exact.length > 0) return Math.min(...exact);
  const { year, month, day } = date;
  return DateTime.fromObject({ year, month, day, hour: time.hour, minute: time.minute }, { zone: timeZone }).toMillis();
}
