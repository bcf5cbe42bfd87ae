import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs calls that arrive together as one batch and gives each caller its own result', async () => {
    const runs: string[][] = [];
    const batcher = new MicroBatcher<string>((keys) => {
      runs.push(keys);
      return Promise.resolve(new Map(keys.filter((key) => key !== 'c').map((key) => [key, `done ${key}`])));
    }, 'missing');
    const results = await Promise.all(['a', 'b', 'a', 'c'].map((key) => batcher.submit(key)));
    expect(results).toEqual(['done a', 'done b', 'done a', 'missing']);
    expect(runs).toEqual([['a', 'b', 'c']]);
  });

  it('starts a batch as soon as it is full', async () => {
    const runs: string[][] = [];
    const batcher = new MicroBatcher<number>(
      (keys) => {
        runs.push(keys);
        return Promise.resolve(new Map(keys.map((key) => [key, 1])));
      },
      0,
      2,
      10_000,
    );
    await Promise.all([batcher.submit('a'), batcher.submit('b')]);
    expect(runs).toEqual([['a', 'b']]);
  });

  it('rejects every caller of a batch that failed, and keeps working after', async () => {
    let fail = true;
    const batcher = new MicroBatcher<number>((keys) => {
      if (fail) return Promise.reject(new Error('database down'));
      return Promise.resolve(new Map(keys.map((key) => [key, 7])));
    }, 0);
    await expect(Promise.all([batcher.submit('a'), batcher.submit('b')])).rejects.toThrow('database down');
    fail = false;
    await expect(batcher.submit('a')).resolves.toBe(7);
  });
});
