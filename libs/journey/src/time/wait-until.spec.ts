import fc from 'fast-check';
import { type WaitDelayData } from '../format/journey-graph';
import { resolveWaitUntil, signedDuration } from './wait-until';

const utc = (iso: string): number => Date.parse(iso);
const NOW = utc('2025-06-04T10:00:00Z'); // Wednesday, 12:00 in Berlin
const HOUR = 3_600_000;
const DAY = 86_400_000;

const ctx = {
  now: NOW,
  timeZone: 'Europe/Berlin',
  tags: {
    renewal: '2025-06-20T09:00:00Z',
    birthday: '2025-06-10',
    trialEndsMs: utc('2025-06-07T12:00:00Z'),
    trialEndsSeconds: utc('2025-06-07T12:00:00Z') / 1000,
    trialEndsDigits: String(utc('2025-06-07T12:00:00Z')),
    nested: { at: '2025-06-05T00:00:00Z' },
    past: '2025-01-01T00:00:00Z',
    garbage: 'next tuesday',
    flag: true,
  },
  eventAttributes: { appointment: '2025-06-06T15:00:00+02:00' },
};

describe('resolveWaitUntil: duration', () => {
  it('adds the duration to now', () => {
    expect(resolveWaitUntil({ mode: 'duration', duration: '4h' }, ctx)).toBe(NOW + 4 * HOUR);
    expect(resolveWaitUntil({ mode: 'duration', duration: '1h30m' }, ctx)).toBe(NOW + 1.5 * HOUR);
    expect(resolveWaitUntil({ mode: 'duration', duration: '0s' }, ctx)).toBe(NOW);
  });

  it('continues at once on an unreadable duration', () => {
    expect(resolveWaitUntil({ mode: 'duration', duration: 'four hours' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'duration' } as WaitDelayData, ctx)).toBe(NOW);
  });
});

describe('resolveWaitUntil: timeOfDay', () => {
  it("uses the user's time zone", () => {
    expect(resolveWaitUntil({ mode: 'timeOfDay', time: '09:00' }, ctx)).toBe(utc('2025-06-05T07:00:00Z'));
    expect(resolveWaitUntil({ mode: 'timeOfDay', time: '09:00', weekdays: [1] }, ctx)).toBe(
      utc('2025-06-09T07:00:00Z'),
    );
  });

  it("prefers the node's time zone, and falls back to the user's, then UTC, when invalid", () => {
    expect(resolveWaitUntil({ mode: 'timeOfDay', time: '09:00', timeZone: 'America/New_York' }, ctx)).toBe(
      // 10:00Z is 06:00 in New York, so 09:00 there is still today.
      utc('2025-06-04T13:00:00Z'),
    );
    expect(resolveWaitUntil({ mode: 'timeOfDay', time: '09:00', timeZone: 'Mars/Base' }, ctx)).toBe(
      utc('2025-06-05T07:00:00Z'),
    );
    expect(resolveWaitUntil({ mode: 'timeOfDay', time: '11:00' }, { ...ctx, timeZone: 'nowhere' })).toBe(
      utc('2025-06-04T11:00:00Z'),
    );
  });

  it('continues at once on an invalid time', () => {
    expect(resolveWaitUntil({ mode: 'timeOfDay', time: '25:00' }, ctx)).toBe(NOW);
  });
});

describe('resolveWaitUntil: date', () => {
  it('waits for a fixed date', () => {
    expect(resolveWaitUntil({ mode: 'date', date: '2025-06-10T08:00:00Z' }, ctx)).toBe(utc('2025-06-10T08:00:00Z'));
  });

  it("reads a date without an offset in the user's time zone", () => {
    expect(resolveWaitUntil({ mode: 'date', date: '2025-06-10T08:00' }, ctx)).toBe(utc('2025-06-10T06:00:00Z'));
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'birthday' }, ctx)).toBe(utc('2025-06-09T22:00:00Z'));
  });

  it('reads the date from a tag or an event attribute, with dotted paths', () => {
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'renewal' }, ctx)).toBe(utc('2025-06-20T09:00:00Z'));
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'nested.at' }, ctx)).toBe(utc('2025-06-05T00:00:00Z'));
    expect(resolveWaitUntil({ mode: 'date', fromEventAttribute: 'appointment' }, ctx)).toBe(
      utc('2025-06-06T13:00:00Z'),
    );
  });

  it('accepts epoch milliseconds, digit strings and epoch seconds', () => {
    const expected = utc('2025-06-07T12:00:00Z');
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'trialEndsMs' }, ctx)).toBe(expected);
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'trialEndsSeconds' }, ctx)).toBe(expected);
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'trialEndsDigits' }, ctx)).toBe(expected);
  });

  it('applies a positive or negative offset', () => {
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'renewal', offset: '-1d' }, ctx)).toBe(
      utc('2025-06-19T09:00:00Z'),
    );
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'renewal', offset: '2h' }, ctx)).toBe(utc('2025-06-20T11:00:00Z'));
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'renewal', offset: '+1h30m' }, ctx)).toBe(
      utc('2025-06-20T10:30:00Z'),
    );
    // An unreadable offset is ignored.
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'renewal', offset: 'a day before' }, ctx)).toBe(
      utc('2025-06-20T09:00:00Z'),
    );
  });

  it('continues at once when the date is past, missing or unreadable', () => {
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'past' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'renewal', offset: '-30d' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'missing' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'garbage' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date', fromTag: 'flag' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date', fromEventAttribute: 'missing' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date' }, ctx)).toBe(NOW);
    expect(resolveWaitUntil({ mode: 'date', date: '2025-02-30' }, ctx)).toBe(NOW);
  });
});

describe('resolveWaitUntil: robustness', () => {
  it('never throws and never returns a time before now', () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.string(), fc.anything()), (data, tags) => {
        const until = resolveWaitUntil(data as WaitDelayData, { ...ctx, tags, eventAttributes: tags });
        expect(until).toBeGreaterThanOrEqual(NOW);
      }),
    );
    expect(resolveWaitUntil({ mode: 'sometime' } as unknown as WaitDelayData, ctx)).toBe(NOW);
    expect(resolveWaitUntil(null as unknown as WaitDelayData, ctx)).toBe(NOW);
  });
});

describe('signedDuration', () => {
  it('reads a sign before a duration', () => {
    expect(signedDuration('-1d')).toBe(-DAY);
    expect(signedDuration('+1d')).toBe(DAY);
    expect(signedDuration(' 1d ')).toBe(DAY);
    expect(signedDuration(undefined)).toBe(0);
    expect(signedDuration('--1d')).toBe(0);
  });
});
