import { describe, expect, it } from 'vitest';
import { describeLastReceived } from './last-received';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString();
const HOUR_MS = 3_600_000;

describe('describeLastReceived', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(describeLastReceived(ago(3 * 24 * HOUR_MS + 5 * HOUR_MS), NOW)).toBe('last received 3 days ago');
    expect(describeLastReceived(ago(24 * HOUR_MS), NOW)).toBe('last received yesterday');
    expect(describeLastReceived(ago(5 * HOUR_MS), NOW)).toBe('last received 5 hours ago');
    expect(describeLastReceived(ago(15 * 24 * HOUR_MS), NOW)).toBe('last received 2 weeks ago');
    expect(describeLastReceived(ago(400 * 24 * HOUR_MS), NOW)).toBe('last received last year');
  });

  it('does not pretend to minutes the API does not track, nor read an unreadable time', () => {
    expect(describeLastReceived(ago(10 * 60_000), NOW)).toBe('last received within the last hour');
    expect(describeLastReceived('not a date', NOW)).toBeUndefined();
  });
});
