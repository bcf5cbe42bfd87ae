import { sweeperLateness } from './sweeper-lateness';

describe('sweeperLateness', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
  const sweepEveryMs = 10_000;

  it('is on time while a sweep completed within three periods', () => {
    expect(sweeperLateness({ lastCompletedAt: at(0), watchingSince: at(0), now: at(30), sweepEveryMs })).toEqual({ late: false });
    expect(sweeperLateness({ lastCompletedAt: at(100), watchingSince: at(0), now: at(101), sweepEveryMs })).toEqual({ late: false });
  });

  it('is late once three periods pass without a completed sweep', () => {
    expect(sweeperLateness({ lastCompletedAt: at(0), watchingSince: at(0), now: at(31), sweepEveryMs })).toEqual({
      late: true,
      reason: 'the last sweep completed 31 s ago; sweeps are due every 10 s (is a process with workers running, and can it reach PostgreSQL?)',
    });
  });

  it('waits three periods after its start before blaming a sweeper that never ran', () => {
    expect(sweeperLateness({ lastCompletedAt: undefined, watchingSince: at(0), now: at(29), sweepEveryMs })).toEqual({ late: false });
    const late = sweeperLateness({ lastCompletedAt: undefined, watchingSince: at(0), now: at(45), sweepEveryMs });
    expect(late).toEqual({ late: true, reason: expect.stringContaining('no sweep has completed in the 45 s since this process started') as unknown });
  });

  it('judges by the last sweep, not the asker\'s start, when a sweep completed long before', () => {
    expect(sweeperLateness({ lastCompletedAt: at(0), watchingSince: at(100), now: at(101), sweepEveryMs })).toMatchObject({ late: true });
  });
});
