import { Dominators } from './dominators';

const graph = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));

describe('Dominators', () => {
  it('finds the node every path passes through, with several starts', () => {
    // s1 -> a -> c, s2 -> a, s2 -> b -> c
    const dominators = new Dominators(['s1', 's2'], graph({ s1: ['a'], s2: ['a', 'b'], a: ['c'], b: ['c'] }));
    expect(dominators.strictlyDominates('a', 'c')).toBe(false);
    expect(dominators.strictlyDominates('s1', 'a')).toBe(false);
    expect(dominators.strictlyDominates('s2', 'b')).toBe(true);
    expect(dominators.strictlyDominates('c', 'c')).toBe(false);
  });

  it('handles loops, including one back to before the dominator', () => {
    // s -> w -> p -> e -> w (loop) ; e -> x
    const dominators = new Dominators(['s'], graph({ s: ['w'], w: ['p'], p: ['e'], e: ['w', 'x'] }));
    expect(dominators.strictlyDominates('p', 'e')).toBe(true);
    expect(dominators.strictlyDominates('w', 'x')).toBe(true);
    expect(dominators.strictlyDominates('e', 'w')).toBe(false);
    expect(dominators.strictlyDominates('p', 'w')).toBe(false);
  });

  it('knows which nodes are reachable', () => {
    const dominators = new Dominators(['s'], graph({ s: ['a'], island: ['a'] }));
    expect(dominators.isReachable('a')).toBe(true);
    expect(dominators.isReachable('island')).toBe(false);
    expect(dominators.strictlyDominates('s', 'island')).toBe(false);
  });

  it('copes with a long chain without recursion', () => {
    const edges: Record<string, string[]> = {};
    for (let index = 0; index < 50_000; index += 1) edges[`n${index}`] = [`n${index + 1}`];
    const dominators = new Dominators(['n0'], graph(edges));
    expect(dominators.strictlyDominates('n10', 'n49999')).toBe(true);
  });
});
