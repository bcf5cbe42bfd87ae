import { checkTags, checkTagsInOrder, checkTagWrites } from './check-tags';
import { inferTagTypeFromText, parseTagText } from './parse-tag-text';
import { checkTagValue, inferTagType, isIsoDate, type TagType } from './tag-type';

describe('tag types', () => {
  it.each<[unknown, TagType | undefined]>([
    ['gold', 'string'],
    [3, 'integer'],
    [2.5, 'decimal'],
    [true, 'boolean'],
    ['2026-03-01', 'date'],
    ['2026-03-01T09:30:00Z', 'date'],
    [['a', 'b'], 'list'],
    [null, undefined],
    [{ a: 1 }, undefined],
    [Number.NaN, undefined],
  ])('infers the type of %j as %s', (value, type) => {
    expect(inferTagType(value)).toBe(type);
  });

  it('accepts values of the type and says what is wrong with others', () => {
    expect(checkTagValue('integer', 4)).toEqual({ ok: true, value: 4 });
    expect(checkTagValue('integer', 4.5)).toEqual({ ok: false, problem: 'must be an integer, not 4.5' });
    expect(checkTagValue('decimal', 4)).toEqual({ ok: true, value: 4 });
    expect(checkTagValue('decimal', '4')).toEqual({ ok: false, problem: 'must be a number, not "4"' });
    expect(checkTagValue('string', 4)).toEqual({ ok: false, problem: 'must be a string, not 4' });
    expect(checkTagValue('boolean', 'true')).toEqual({ ok: false, problem: 'must be true or false, not "true"' });
    expect(checkTagValue('date', '2026-02-30')).toMatchObject({ ok: false });
    expect(checkTagValue('date', '2026-02-28T10:00:00+01:00')).toEqual({ ok: true, value: '2026-02-28T10:00:00+01:00' });
    expect(checkTagValue('list', ['a', 1])).toEqual({ ok: false, problem: 'must be a list of strings, not ["a",1]' });
    expect(checkTagValue('list', [])).toEqual({ ok: true, value: [] });
    for (const type of ['string', 'integer', 'decimal', 'boolean', 'date', 'list'] as const) expect(checkTagValue(type, null)).toEqual({ ok: true, value: null });
  });

  it('knows real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('01/02/2025')).toBe(false);
  });

  it('reads text cells by type and infers types from text', () => {
    expect(inferTagTypeFromText('42')).toBe('integer');
    expect(inferTagTypeFromText('01234')).toBe('string');
    expect(inferTagTypeFromText('4.5')).toBe('decimal');
    expect(inferTagTypeFromText('false')).toBe('boolean');
    expect(inferTagTypeFromText('2026-01-05')).toBe('date');
    expect(inferTagTypeFromText('["a","b"]')).toBe('list');
    expect(inferTagTypeFromText('gold')).toBe('string');
    expect(parseTagText('integer', '42')).toEqual({ ok: true, value: 42 });
    expect(parseTagText('integer', '4.2')).toEqual({ ok: false, problem: 'must be an integer, not "4.2"' });
    expect(parseTagText('decimal', '4.2')).toEqual({ ok: true, value: 4.2 });
    expect(parseTagText('boolean', 'yes')).toEqual({ ok: false, problem: 'must be true or false, not "yes"' });
    expect(parseTagText('list', 'a|b')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(parseTagText('list', '["a","b"]')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(parseTagText('string', '42')).toEqual({ ok: true, value: '42' });
  });

  it('checks tags against the catalogue and types the new ones', () => {
    const types = new Map<string, TagType>([['plan', 'string'], ['visits', 'integer']]);
    expect(checkTags({ plan: 'pro', visits: 'many', cuisine: 'asian', since: '2026-01-01', gone: null }, types)).toEqual({
      tags: { plan: 'pro', cuisine: 'asian', since: '2026-01-01', gone: null },
      problems: [{ tag: 'visits', problem: 'must be an integer, not "many"' }],
      created: [{ name: 'cuisine', type: 'string' }, { name: 'since', type: 'date' }],
    });
    expect(checkTags({ scores: [1, 2] }, types).problems).toEqual([{ tag: 'scores', problem: 'must be a list of strings, not [1,2]' }]);
  });
});

describe('checkTagsInOrder', () => {
  it('lets the first write of a new tag type it for the writes after it', () => {
    const result = checkTagsInOrder([{ visits: 3 }, { visits: 'three' }, undefined, { visits: 4, vip: true }], new Map());
    expect(result.problems).toEqual([[], [{ tag: 'visits', problem: 'must be an integer, not "three"' }], [], []]);
    expect(result.created).toEqual([{ name: 'visits', type: 'integer' }, { name: 'vip', type: 'boolean' }]);
  });

  it('registers nothing from a write it refuses', () => {
    const result = checkTagsInOrder([{ plan: 1, fresh: 'x' }], new Map([['plan', 'string' as const]]));
    expect(result.created).toEqual([]);
  });
});

describe('checkTagWrites', () => {
  const types = new Map<string, TagType>([['visits', 'integer'], ['plan', 'string']]);

  it('keeps the earlier value of a tag written with the wrong type and the other changes', () => {
    expect(checkTagWrites({ visits: 2, plan: 'free' }, { visits: 2.5, plan: 'pro', fresh: true }, types)).toEqual({
      tags: { visits: 2, plan: 'pro', fresh: true },
      refused: [{ tag: 'visits', value: 2.5, reason: 'visits must be an integer, not 2.5' }],
      created: [{ name: 'fresh', type: 'boolean' }],
    });
  });

  it('drops a refused tag the user did not have, and leaves unchanged tags alone even when they misfit', () => {
    expect(checkTagWrites({ plan: 7 }, { plan: 7, visits: 'x' }, types)).toEqual({
      tags: { plan: 7 },
      refused: [{ tag: 'visits', value: 'x', reason: 'visits must be an integer, not "x"' }],
      created: [],
    });
  });
});
