import { sendRetryDelayMs } from './send-retry-delay';

describe('sendRetryDelayMs', () => {
  it('doubles from one second, as exponential backoff does', () => {
    expect([1, 2, 3, 4, 7].map((attempts) => sendRetryDelayMs(attempts, undefined))).toEqual([1_000, 2_000, 4_000, 8_000, 64_000]);
  });

  it("never retries sooner than the provider asked, and keeps the longer wait when backoff is already longer", () => {
    expect(sendRetryDelayMs(1, 6_000)).toBe(6_000);
    expect(sendRetryDelayMs(5, 6_000)).toBe(16_000);
  });

  it('ignores a wait that is not a positive number', () => {
    expect([sendRetryDelayMs(2, 0), sendRetryDelayMs(2, -5), sendRetryDelayMs(2, Number.NaN)]).toEqual([2_000, 2_000, 2_000]);
  });
});
