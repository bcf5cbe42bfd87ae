import { prototypeNamedKeyProblems } from './prototype-named-keys';

describe('prototypeNamedKeyProblems', () => {
  it('names every prototype-named key by its path, at any depth and inside arrays', () => {
    const body = JSON.parse('{"a":{"constructor":1},"b":[{"x":{"__proto__":{}}}],"prototype":null,"fine":{"name":"x"}}') as unknown;
    expect(prototypeNamedKeyProblems(body).sort()).toEqual([
      'a.constructor: a key may not be named constructor (it collides with JavaScript object internals)',
      'b[0].x.__proto__: a key may not be named __proto__ (it collides with JavaScript object internals)',
      'prototype: a key may not be named prototype (it collides with JavaScript object internals)',
    ]);
  });

  it('starts paths at the given prefix, and finds nothing in plain data or in values', () => {
    expect(prototypeNamedKeyProblems(JSON.parse('{"constructor":"x"}'), 'events[2]')).toEqual([
      'events[2].constructor: a key may not be named constructor (it collides with JavaScript object internals)',
    ]);
    expect(prototypeNamedKeyProblems({ name: 'constructor', tags: ['__proto__'], n: null })).toEqual([]);
    expect(prototypeNamedKeyProblems('constructor')).toEqual([]);
  });

  it('walks deep input without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}{"constructor":1}${']'.repeat(20_000)}`) as unknown;
    expect(prototypeNamedKeyProblems(deep)).toHaveLength(1);
  });
});
