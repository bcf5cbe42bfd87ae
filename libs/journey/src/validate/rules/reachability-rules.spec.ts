import { chain, edge, exitNode, minimalJourney, pushNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('reachability rules', () => {
  it('reports nodes no entry leads to, by label', () => {
    const graph = minimalJourney();
    graph.nodes.push(pushNode('orphan', {}, { label: 'Forgotten push' }), exitNode('end2'));
    graph.edges.push(...chain('orphan', 'end2'));
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unreachable-node',
        message: 'Node "Forgotten push" (Send push): no path from an entry leads here, so no user will ever reach this step.',
        nodeId: 'orphan',
      },
      {
        severity: 'error',
        code: 'unreachable-node',
        message: 'Node "end2" (Exit): no path from an entry leads here, so no user will ever reach this step.',
        nodeId: 'end2',
      },
    ]);
  });

  it('does not follow connections from handles the node does not have', () => {
    const graph = minimalJourney();
    graph.nodes.push(exitNode('other'));
    graph.edges.push(edge('push', 'other', 'yes', 'bad'));
    expect(validateJourney(graph).problems.map((problem) => [problem.code, problem.nodeId])).toEqual([
      ['unknown-handle', 'push'],
      ['unreachable-node', 'other'],
    ]);
  });
});
