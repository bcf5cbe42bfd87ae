import { canonicalJson } from './canonical-json';
import { fnv1a32, hashText } from './string-hash';

describe('fnv1a32', () => {
  it('is deterministic, unsigned 32-bit and sensitive to every character', () => {
    expect(fnv1a32('')).toBe(fnv1a32(''));
    expect(fnv1a32('user-1:split')).toBe(fnv1a32('user-1:split'));
    expect(fnv1a32('user-1:split')).not.toBe(fnv1a32('user-2:split'));
    for (const text of ['', 'a', 'journey', 'é☃', 'x'.repeat(1000)]) {
      const hash = fnv1a32(text);
      expect(Number.isInteger(hash) && hash >= 0 && hash <= 0xffffffff).toBe(true);
    }
  });

  // Expected values computed independently (Python): FNV-1a("a") = 0xe40c292c, then fmix32.
  it('pins values so buckets never move between releases', () => {
    expect(fnv1a32('')).toBe(0xab3e7c0b);
    expect(fnv1a32('a')).toBe(0x1a80b1b3);
    expect(hashText('journey')).toBe('be49f7d907753e64');
    expect(hashText('journey')).not.toBe(hashText('journeys'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: undefined } })).toBe('{"a":{"d":[1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson([undefined, Number.NaN, 'x'])).toBe('[null,null,"x"]');
  });
});
