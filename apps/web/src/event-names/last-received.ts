const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * "last received 3 days ago", for a received event name. The API refreshes the time at most
 * hourly, so anything under an hour is "within the last hour". Undefined for an unreadable time.
 */
export function describeLastReceived(lastSeenAt: string, now: number = Date.now()): string | undefined {
  const elapsed = now - Date.parse(lastSeenAt);
  if (Number.isNaN(elapsed)) return undefined;
  const unit = UNITS.find(([, size]) => elapsed >= size);
  if (unit === undefined) return 'last received within the last hour';
  return `last received ${relative.format(-Math.floor(elapsed / unit[1]), unit[0])}`;
}
