import { withDeadline } from './with-deadline';

describe('withDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('passes a result that comes in time through', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, 'queue')).resolves.toBe(7);
  });

  it('passes a failure that comes in time through', async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 1000, 'queue')).rejects.toThrow('refused');
  });

  it('rejects, naming what did not answer, once the deadline passes', async () => {
    const never = new Promise<never>(() => undefined);
    const result = withDeadline(never, 2000, 'events queue');
    jest.advanceTimersByTime(2000);
    await expect(result).rejects.toThrow('events queue: no answer within 2000 ms');
  });
});
