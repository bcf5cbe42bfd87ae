import { reachableFrom } from './reachable';

describe('reachableFrom', () => {
  it('follows successors from every start, through loops', () => {
    const successors = new Map(Object.entries({ a: ['b'], b: ['a', 'c'], x: ['y'] }));
    expect([...reachableFrom(['a'], successors)].sort()).toEqual(['a', 'b', 'c']);
    expect([...reachableFrom(['a', 'x'], successors)].sort()).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect([...reachableFrom([], successors)]).toEqual([]);
  });
});
