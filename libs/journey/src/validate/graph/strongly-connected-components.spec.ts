import { stronglyConnectedComponents } from './strongly-connected-components';

const graph = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));
const sorted = (components: string[][]): string[][] => components.map((component) => component.join(',')).sort().map((text) => text.split(','));

describe('stronglyConnectedComponents', () => {
  it('groups nodes that reach each other, in the order of the ids given', () => {
    const components = stronglyConnectedComponents(['a', 'b', 'c', 'd', 'e'], graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'] }));
    expect(sorted(components)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('ignores edges to ids outside the graph', () => {
    const components = stronglyConnectedComponents(['a', 'b'], graph({ a: ['x'], x: ['a'], b: ['b'] }));
    expect(sorted(components)).toEqual([['a'], ['b']]);
  });

  it('copes with a long cycle without recursion', () => {
    const ids = Array.from({ length: 50_000 }, (_, index) => `n${index}`);
    const edges = Object.fromEntries(ids.map((id, index) => [id, [ids[(index + 1) % ids.length]]]));
    const components = stronglyConnectedComponents(ids, graph(edges));
    expect(components.length).toBe(1);
    expect(components[0].length).toBe(50_000);
    expect(components[0][0]).toBe('n0');
  });
});
