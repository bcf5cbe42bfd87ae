import { buildGraph, chain, edge, entryEventNode, exitNode, pushNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('id rules', () => {
  it('reports a node id used twice, on the second node', () => {
    const graph = buildGraph(
      [entryEventNode('start'), pushNode('push'), pushNode('push', { title: 'Again' }), exitNode('done')],
      chain('start', 'push', 'done'),
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duplicate-node-id',
        message: 'Node "push" (Send push): another node already uses the id "push"; every node needs its own id.',
        nodeId: 'push',
        field: 'id',
      },
    ]);
  });

  it('reports an edge id used twice', () => {
    const graph = buildGraph(
      [entryEventNode('start'), pushNode('push'), exitNode('done')],
      [edge('start', 'push', 'next', 'e1'), edge('push', 'done', 'next', 'e1')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duplicate-edge-id',
        message: 'Connection "e1": another connection already uses this id; every connection needs its own id.',
        edgeId: 'e1',
        field: 'id',
      },
    ]);
  });
});
