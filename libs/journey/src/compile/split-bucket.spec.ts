import { chooseVariant, splitBucket } from './split-bucket';

const userIds = Array.from({ length: 10_000 }, (_, index) => `user-${index}`);

describe('splitBucket', () => {
  it('is stable per user and node, and differs between nodes', () => {
    expect(splitBucket('user-1', 'split')).toBe(splitBucket('user-1', 'split'));
    const moved = userIds.slice(0, 200).filter((id) => splitBucket(id, 'split-a') !== splitBucket(id, 'split-b'));
    expect(moved.length).toBeGreaterThan(190);
  });

  it('stays within 0..9999', () => {
    for (const id of userIds.slice(0, 1000)) {
      const bucket = splitBucket(id, 'n');
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 10_000).toBe(true);
    }
  });
});

describe('chooseVariant', () => {
  const variants = [
    { id: 'a', percent: 50 },
    { id: 'b', percent: 30 },
    { id: 'c', percent: 20 },
  ];

  it('hands out users within 2 points of each percentage', () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const id of userIds) counts[chooseVariant(variants, id, 'split-1')!] += 1;
    expect(Math.abs(counts.a / 100 - 50)).toBeLessThanOrEqual(2);
    expect(Math.abs(counts.b / 100 - 30)).toBeLessThanOrEqual(2);
    expect(Math.abs(counts.c / 100 - 20)).toBeLessThanOrEqual(2);
    expect(counts.a + counts.b + counts.c).toBe(10_000);
  });

  it('is balanced for a 10/90 split on another node too', () => {
    const tenNinety = [
      { id: 'small', percent: 10 },
      { id: 'large', percent: 90 },
    ];
    const small = userIds.filter((id) => chooseVariant(tenNinety, id, 'other') === 'small').length;
    expect(Math.abs(small / 100 - 10)).toBeLessThanOrEqual(2);
  });

  it('maps buckets by cumulative percentage in variant order', () => {
    const id = userIds.find((candidate) => splitBucket(candidate, 'n') < 5000)!;
    const late = userIds.find((candidate) => splitBucket(candidate, 'n') >= 8000)!;
    expect(chooseVariant(variants, id, 'n')).toBe('a');
    expect(chooseVariant(variants, late, 'n')).toBe('c');
    expect(chooseVariant([{ id: 'all', percent: 100 }], late, 'n')).toBe('all');
    expect(chooseVariant([{ id: 'none', percent: 0 }, { id: 'rest', percent: 100 }], id, 'n')).toBe('rest');
  });

  it('gives leftover buckets to the last variant and nothing for no variants', () => {
    const late = userIds.find((candidate) => splitBucket(candidate, 'n') >= 9000)!;
    expect(chooseVariant([{ id: 'x', percent: 10 }, { id: 'y', percent: 10 }], late, 'n')).toBe('y');
    expect(chooseVariant([], late, 'n')).toBeUndefined();
  });
});
