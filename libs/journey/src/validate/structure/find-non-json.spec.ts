import { findNonJson, MAX_JSON_DEPTH } from './find-non-json';

describe('findNonJson', () => {
  it('accepts JSON values, including shared (not cyclic) objects', () => {
    const shared = { a: [1, 2] };
    expect(findNonJson({ x: shared, y: [shared, null, 'text'] })).toBeUndefined();
    expect(findNonJson('text')).toBeUndefined();
    expect(findNonJson(null)).toBeUndefined();
  });

  it('finds holes, cycles, and nesting beyond the limit', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(findNonJson({ a: { list: [1, , 3] } })).toEqual({ reason: 'gap', path: ['a', 'list'] });
    const cyclic: Record<string, unknown> = { b: [] };
    (cyclic.b as unknown[]).push({ back: cyclic });
    expect(findNonJson(cyclic)).toEqual({ reason: 'cycle', path: ['b', 0, 'back'] });
    let deep: unknown = 1;
    for (let level = 0; level < MAX_JSON_DEPTH; level += 1) deep = [deep];
    expect(findNonJson(deep)).toBeUndefined();
    expect(findNonJson([deep])).toEqual({ reason: 'depth', path: Array.from({ length: MAX_JSON_DEPTH }, () => 0) });
  });
});
