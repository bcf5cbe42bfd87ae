import { unreachableRetryDelayMs } from './unreachable-retry-delay';

describe('unreachableRetryDelayMs', () => {
  it('starts at 1 s and doubles with each try that found the database unreachable', () => {
    expect([0, 1, 2, 3, 4].map(unreachableRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits more than 30 s, however long the outage lasts', () => {
    expect(unreachableRetryDelayMs(5)).toBe(30_000);
    expect(unreachableRetryDelayMs(1_000)).toBe(30_000);
  });

  it('treats a missing or odd count as the first try', () => {
    expect(unreachableRetryDelayMs(-3)).toBe(1_000);
    expect(unreachableRetryDelayMs(Number.NaN)).toBe(1_000);
  });
});
