import { keepTryingWhileUnreachable } from './keep-trying-while-unreachable';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('keepTryingWhileUnreachable', () => {
  it('tries again while the database is unreachable, waiting longer each time, and answers the first success', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await keepTryingWhileUnreachable(
      () => (++calls < 5 ? Promise.reject(refused()) : Promise.resolve('stored')),
      { sleep: (ms) => Promise.resolve(void waits.push(ms)) },
    );
    expect(result).toBe('stored');
    expect(waits).toEqual([200, 400, 800, 1600]);
  });

  it('caps the wait between tries', async () => {
    const waits: number[] = [];
    let calls = 0;
    await keepTryingWhileUnreachable(() => (++calls < 9 ? Promise.reject(refused()) : Promise.resolve()), { sleep: (ms) => Promise.resolve(void waits.push(ms)) });
    expect(waits.slice(-3)).toEqual([5000, 5000, 5000]);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    const broken = new Error('duplicate key value violates unique constraint');
    await expect(keepTryingWhileUnreachable(() => (calls++, Promise.reject(broken)), { sleep: () => Promise.resolve() })).rejects.toBe(broken);
    expect(calls).toBe(1);
  });

  it('gives up with the last error once its waiting budget is spent', async () => {
    const waits: number[] = [];
    await expect(
      keepTryingWhileUnreachable(() => Promise.reject(refused()), { sleep: (ms) => Promise.resolve(void waits.push(ms)), maxWaitMs: 1_000 }),
    ).rejects.toThrow('ECONNREFUSED');
    expect(waits).toEqual([200, 400]);
  });
});
