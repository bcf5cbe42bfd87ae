import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isValidTimeOfDay, isValidTimeZone, nextTimeOfDay } from './time-of-day';

const utc = (iso: string): number => Date.parse(iso);
const BERLIN = 'Europe/Berlin';

describe('nextTimeOfDay', () => {
  it('returns the next local time today or tomorrow', () => {
    // Wednesday 2025-06-04, 12:00 in Berlin (CEST, +02:00).
    const now = utc('2025-06-04T10:00:00Z');
    expect(nextTimeOfDay(now, '13:00', BERLIN)).toBe(utc('2025-06-04T11:00:00Z'));
    expect(nextTimeOfDay(now, '09:00', BERLIN)).toBe(utc('2025-06-05T07:00:00Z'));
    expect(nextTimeOfDay(now, '00:00', BERLIN)).toBe(utc('2025-06-04T22:00:00Z'));
    expect(nextTimeOfDay(now, '23:59', 'UTC')).toBe(utc('2025-06-04T23:59:00Z'));
  });

  it('is strictly after now', () => {
    const now = utc('2025-06-04T07:00:00Z'); // 09:00 in Berlin
    expect(nextTimeOfDay(now, '09:00', BERLIN)).toBe(utc('2025-06-05T07:00:00Z'));
    expect(nextTimeOfDay(now - 1, '09:00', BERLIN)).toBe(now);
  });

  it('keeps the local time across the start of DST (Europe/Berlin, 30 March 2025)', () => {
    // Friday 28 March 13:00 CET: the next 09:00 is Saturday at +01:00, the one after Sunday at +02:00.
    expect(nextTimeOfDay(utc('2025-03-28T12:00:00Z'), '09:00', BERLIN)).toBe(utc('2025-03-29T08:00:00Z'));
    expect(nextTimeOfDay(utc('2025-03-29T12:00:00Z'), '09:00', BERLIN)).toBe(utc('2025-03-30T07:00:00Z'));
  });

  it('moves a time skipped by DST forward by the gap', () => {
    // 02:30 does not exist on 30 March 2025 in Berlin; it becomes 03:30 CEST.
    expect(nextTimeOfDay(utc('2025-03-29T12:00:00Z'), '02:30', BERLIN)).toBe(utc('2025-03-30T01:30:00Z'));
    // The next day it exists again.
    expect(nextTimeOfDay(utc('2025-03-30T01:30:00Z'), '02:30', BERLIN)).toBe(utc('2025-03-31T00:30:00Z'));
  });

  it('keeps the local time across the end of DST (Europe/Berlin, 26 October 2025)', () => {
    expect(nextTimeOfDay(utc('2025-10-25T12:00:00Z'), '09:00', BERLIN)).toBe(utc('2025-10-26T08:00:00Z'));
    expect(nextTimeOfDay(utc('2025-10-24T12:00:00Z'), '09:00', BERLIN)).toBe(utc('2025-10-25T07:00:00Z'));
  });

  it('picks the first of a repeated time once per day when DST ends', () => {
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET) on 26 October.
    expect(nextTimeOfDay(utc('2025-10-25T12:00:00Z'), '02:30', BERLIN)).toBe(utc('2025-10-26T00:30:00Z'));
    // After the first 02:30 the next release is the next day, not the repeated hour.
    expect(nextTimeOfDay(utc('2025-10-26T00:30:00Z'), '02:30', BERLIN)).toBe(utc('2025-10-27T01:30:00Z'));
    expect(nextTimeOfDay(utc('2025-10-26T01:00:00Z'), '02:30', BERLIN)).toBe(utc('2025-10-27T01:30:00Z'));
  });

  it('waits for an allowed weekday (1 = Monday ... 7 = Sunday)', () => {
    const wednesdayNoon = utc('2025-06-04T10:00:00Z');
    expect(nextTimeOfDay(wednesdayNoon, '09:00', BERLIN, [1])).toBe(utc('2025-06-09T07:00:00Z'));
    expect(nextTimeOfDay(wednesdayNoon, '09:00', BERLIN, [3])).toBe(utc('2025-06-11T07:00:00Z'));
    expect(nextTimeOfDay(wednesdayNoon, '13:00', BERLIN, [3])).toBe(utc('2025-06-04T11:00:00Z'));
    expect(nextTimeOfDay(wednesdayNoon, '09:00', BERLIN, [6, 7])).toBe(utc('2025-06-07T07:00:00Z'));
    expect(nextTimeOfDay(wednesdayNoon, '09:00', BERLIN, [7])).toBe(utc('2025-06-08T07:00:00Z'));
  });

  it('treats an empty or invalid weekday list as every day', () => {
    const now = utc('2025-06-04T10:00:00Z');
    expect(nextTimeOfDay(now, '09:00', BERLIN, [])).toBe(utc('2025-06-05T07:00:00Z'));
    expect(nextTimeOfDay(now, '09:00', BERLIN, [0, 8, 2.5])).toBe(utc('2025-06-05T07:00:00Z'));
  });

  it('uses the local date of the zone, not of UTC', () => {
    // 2025-06-02T03:00Z is Sunday 1 June 20:00 in Los Angeles.
    expect(nextTimeOfDay(utc('2025-06-02T03:00:00Z'), '21:00', 'America/Los_Angeles')).toBe(
      utc('2025-06-02T04:00:00Z'),
    );
    expect(nextTimeOfDay(utc('2025-06-02T03:00:00Z'), '21:00', 'America/Los_Angeles', [7])).toBe(
      utc('2025-06-02T04:00:00Z'),
    );
    // 2025-06-01T12:00Z is Monday 2 June 02:00 in Kiritimati (+14:00).
    expect(nextTimeOfDay(utc('2025-06-01T12:00:00Z'), '01:00', 'Pacific/Kiritimati')).toBe(
      utc('2025-06-02T11:00:00Z'),
    );
    expect(nextTimeOfDay(utc('2025-06-01T12:00:00Z'), '01:00', 'Pacific/Kiritimati', [1])).toBe(
      utc('2025-06-08T11:00:00Z'),
    );
  });

  it('throws a RangeError for an invalid time or zone', () => {
    expect(() => nextTimeOfDay(0, '25:00', BERLIN)).toThrow(RangeError);
    expect(() => nextTimeOfDay(0, '9:00', BERLIN)).toThrow('"9:00" is not a time of day (write HH:mm, e.g. 09:30)');
    expect(() => nextTimeOfDay(0, '09:00', 'Mars/Base')).toThrow('"Mars/Base" is not a known time zone');
  });

  it('always lands on the requested local time and weekday, within a week (property)', () => {
    const zones = fc.constantFrom(BERLIN, 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC');
    const instant = fc.integer({ min: utc('2020-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') });
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
    const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(instant, time, zones, weekdays, (now, [hour, minute], zone, days) => {
        const text = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const next = nextTimeOfDay(now, text, zone, days);
        expect(next).toBeGreaterThan(now);
        expect(next - now).toBeLessThanOrEqual(8 * 86_400_000);
        const local = DateTime.fromMillis(next, { zone });
        expect(days).toContain(local.weekday);
        // Equal unless the time fell into a DST gap and moved forward (by at most an hour).
        const shift = local.hour * 60 + local.minute - (hour * 60 + minute);
        expect(shift >= 0 && shift <= 60).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects anything else', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Base')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+02:00')).toBe(false);
    expect(isValidTimeZone('-0530')).toBe(false);
    expect(isValidTimeZone('Etc/GMT+2')).toBe(true);
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });
});

describe('isValidTimeOfDay', () => {
  it('accepts HH:mm from 00:00 to 23:59 only', () => {
    for (const ok of ['00:00', '09:05', '12:30', '23:59']) expect(isValidTimeOfDay(ok)).toBe(true);
    for (const bad of ['24:00', '9:00', '12:60', '12:5', '1200', ' 12:00', '12:00:00', '', 'noon']) {
      expect(isValidTimeOfDay(bad)).toBe(false);
    }
    expect(isValidTimeOfDay(1200 as unknown as string)).toBe(false);
  });
});
