import { throttleWindow } from './journey-throttle';

describe('throttleWindow', () => {
  it('puts a send in the fixed window of its throttle period, with the next window and when the row may go', () => {
    const now = Date.UTC(2026, 11, 3, 10, 17, 42);
    expect(throttleWindow({ channel: 'email', limit: 1000, per: '1m' }, now)).toEqual({
      start: Date.UTC(2026, 11, 3, 10, 17),
      next: Date.UTC(2026, 11, 3, 10, 18),
      expiresAt: Date.UTC(2026, 11, 3, 10, 19),
    });
  });

  it('starts a new window exactly at the boundary', () => {
    const boundary = Date.UTC(2026, 11, 3, 11);
    expect(throttleWindow({ channel: 'push', limit: 2, per: '1h' }, boundary).start).toBe(boundary);
    expect(throttleWindow({ channel: 'push', limit: 2, per: '1h' }, boundary - 1).next).toBe(boundary);
  });
});
