import fc from 'fast-check';
import { type SilentHours } from '../format/journey-graph';
import { nextAllowedSendTime } from './silent-hours';

const utc = (iso: string): number => Date.parse(iso);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const nights: SilentHours = {
  channels: ['push', 'whatsapp'],
  windows: [{ weekdays: EVERY_DAY, from: '22:00', to: '08:00' }],
  fallbackTimeZone: 'Europe/Berlin',
};

describe('nextAllowedSendTime', () => {
  it('sends at once outside the window', () => {
    const noon = utc('2025-06-04T10:00:00Z');
    expect(nextAllowedSendTime(noon, nights, 'push', 'Europe/Berlin')).toBe(noon);
    const eightSharp = utc('2025-06-05T06:00:00Z');
    expect(nextAllowedSendTime(eightSharp, nights, 'push', 'Europe/Berlin')).toBe(eightSharp);
  });

  it('holds a send until the end of a window spanning midnight', () => {
    const end = utc('2025-06-05T06:00:00Z'); // Thursday 08:00 in Berlin
    expect(nextAllowedSendTime(utc('2025-06-04T20:00:00Z'), nights, 'push', 'Europe/Berlin')).toBe(end); // 22:00
    expect(nextAllowedSendTime(utc('2025-06-04T21:00:00Z'), nights, 'push', 'Europe/Berlin')).toBe(end); // 23:00
    expect(nextAllowedSendTime(utc('2025-06-04T23:30:00Z'), nights, 'whatsapp', 'Europe/Berlin')).toBe(end); // 01:30
    expect(nextAllowedSendTime(utc('2025-06-05T05:59:00Z'), nights, 'push', 'Europe/Berlin')).toBe(end); // 07:59
  });

  it('only applies to the listed channels', () => {
    const night = utc('2025-06-04T21:00:00Z');
    expect(nextAllowedSendTime(night, nights, 'email', 'Europe/Berlin')).toBe(night);
    expect(nextAllowedSendTime(night, nights, 'sms', 'Europe/Berlin')).toBe(night);
  });

  it('sends at once without silent hours or windows', () => {
    const night = utc('2025-06-04T21:00:00Z');
    expect(nextAllowedSendTime(night, undefined, 'push', 'Europe/Berlin')).toBe(night);
    expect(nextAllowedSendTime(night, { ...nights, windows: [] }, 'push', 'Europe/Berlin')).toBe(night);
  });

  it("uses the user's time zone", () => {
    // 03:00Z is 23:00 the evening before in New York (EDT, -04:00); quiet until 08:00 there.
    expect(nextAllowedSendTime(utc('2025-06-05T03:00:00Z'), nights, 'push', 'America/New_York')).toBe(
      utc('2025-06-05T12:00:00Z'),
    );
    // 21:00Z is 17:00 in New York: allowed there although it is 23:00 in Berlin.
    expect(nextAllowedSendTime(utc('2025-06-04T21:00:00Z'), nights, 'push', 'America/New_York')).toBe(
      utc('2025-06-04T21:00:00Z'),
    );
  });

  it('falls back to the fallback time zone when the user has none or an invalid one', () => {
    const night = utc('2025-06-04T21:00:00Z');
    const end = utc('2025-06-05T06:00:00Z');
    expect(nextAllowedSendTime(night, nights, 'push', undefined)).toBe(end);
    expect(nextAllowedSendTime(night, nights, 'push', 'Nowhere/City')).toBe(end);
    const tokyo = { ...nights, fallbackTimeZone: 'Asia/Tokyo' };
    // 21:00Z is 06:00 in Tokyo (+09:00): quiet until 08:00 there, 23:00Z.
    expect(nextAllowedSendTime(night, tokyo, 'push', undefined)).toBe(utc('2025-06-04T23:00:00Z'));
  });

  it('ties a window to the weekday it starts on', () => {
    const fridayNights: SilentHours = { ...nights, windows: [{ weekdays: [5], from: '22:00', to: '08:00' }] };
    // Saturday 07:00 Berlin: still Friday's window.
    expect(nextAllowedSendTime(utc('2025-06-07T05:00:00Z'), fridayNights, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-07T06:00:00Z'),
    );
    // Sunday 07:00 Berlin: Saturday has no window.
    expect(nextAllowedSendTime(utc('2025-06-08T05:00:00Z'), fridayNights, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-08T05:00:00Z'),
    );
    // Thursday 23:00 Berlin: no window on Thursday.
    expect(nextAllowedSendTime(utc('2025-06-05T21:00:00Z'), fridayNights, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-05T21:00:00Z'),
    );
  });

  it('reads from == to as 24 hours from that time (00:00-00:00 is the whole day)', () => {
    const weekends: SilentHours = { ...nights, windows: [{ weekdays: [6, 7], from: '00:00', to: '00:00' }] };
    // Saturday noon Berlin: the Saturday and Sunday windows chain until Monday 00:00.
    expect(nextAllowedSendTime(utc('2025-06-07T10:00:00Z'), weekends, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-08T22:00:00Z'),
    );
    expect(nextAllowedSendTime(utc('2025-06-06T10:00:00Z'), weekends, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-06T10:00:00Z'),
    );
    const fromNine: SilentHours = { ...nights, windows: [{ weekdays: [3], from: '09:00', to: '09:00' }] };
    expect(nextAllowedSendTime(utc('2025-06-04T10:00:00Z'), fromNine, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-05T07:00:00Z'),
    );
  });

  it('chains windows that follow each other', () => {
    const split: SilentHours = {
      ...nights,
      windows: [
        { weekdays: EVERY_DAY, from: '22:00', to: '00:00' },
        { weekdays: [1, 2, 3, 4, 5], from: '00:00', to: '07:00' },
        { weekdays: [1, 2, 3, 4, 5], from: '07:00', to: '09:30' },
      ],
    };
    // Wednesday 23:00 Berlin -> Thursday 09:30.
    expect(nextAllowedSendTime(utc('2025-06-04T21:00:00Z'), split, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-05T07:30:00Z'),
    );
    // Saturday 23:00 Berlin -> Sunday 00:00 (no morning windows at the weekend).
    expect(nextAllowedSendTime(utc('2025-06-07T21:00:00Z'), split, 'push', 'Europe/Berlin')).toBe(
      utc('2025-06-07T22:00:00Z'),
    );
  });

  it('ignores windows that silence the whole week, rather than holding messages forever', () => {
    const always: SilentHours = { ...nights, windows: [{ weekdays: EVERY_DAY, from: '00:00', to: '00:00' }] };
    const now = utc('2025-06-04T10:00:00Z');
    expect(nextAllowedSendTime(now, always, 'push', 'Europe/Berlin')).toBe(now);
  });

  it('ends the window at the local time across DST changes', () => {
    // Saturday 29 March 23:00 CET; 08:00 on Sunday is already CEST (+02:00).
    expect(nextAllowedSendTime(utc('2025-03-29T22:00:00Z'), nights, 'push', 'Europe/Berlin')).toBe(
      utc('2025-03-30T06:00:00Z'),
    );
    // Saturday 25 October 23:00 CEST; 08:00 on Sunday is CET (+01:00).
    expect(nextAllowedSendTime(utc('2025-10-25T21:00:00Z'), nights, 'push', 'Europe/Berlin')).toBe(
      utc('2025-10-26T07:00:00Z'),
    );
  });

  it('skips malformed windows and never throws', () => {
    const broken = {
      ...nights,
      windows: [{ weekdays: EVERY_DAY, from: '25:00', to: '08:00' }, null, { from: '22:00', to: '08:00' }],
    } as unknown as SilentHours;
    const night = utc('2025-06-04T21:00:00Z');
    expect(nextAllowedSendTime(night, broken, 'push', 'Europe/Berlin')).toBe(night);
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.string()), (silentHours, zone) => {
        const at = nextAllowedSendTime(night, silentHours as SilentHours, 'push', zone ?? undefined);
        expect(at).toBeGreaterThanOrEqual(night);
      }),
    );
  });
});
