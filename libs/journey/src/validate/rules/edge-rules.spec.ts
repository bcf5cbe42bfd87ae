import { buildGraph, chain, edge, entryEventNode, exitNode, minimalJourney, pushNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('edge rules', () => {
  it('reports a connection from a node that does not exist', () => {
    const graph = minimalJourney();
    graph.edges.push(edge('ghost', 'done', 'next', 'e9'));
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'dangling-edge',
        message: 'Connection "e9" starts at node "ghost", which does not exist.',
        edgeId: 'e9',
        field: 'source',
      },
    ]);
  });

  it('reports a connection to a node that does not exist', () => {
    const graph = buildGraph([entryEventNode('start'), pushNode('push')], [...chain('start', 'push'), edge('push', 'ghost', 'next', 'e2')]);
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'dangling-edge',
        message: 'Connection "e2" leads to node "ghost", which does not exist.',
        edgeId: 'e2',
        field: 'target',
      },
    ]);
  });

  it('reports a connection from a handle the node type does not have', () => {
    const graph = minimalJourney();
    graph.edges.push(edge('push', 'done', 'yes', 'e3'));
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-handle',
        message: 'Node "push" (Send push): connection "e3" starts from the "yes" path, which this node does not have.',
        nodeId: 'push',
        edgeId: 'e3',
        field: 'sourceHandle',
      },
    ]);
  });

  it('reports an exit with an outgoing connection as an unknown handle', () => {
    const graph = buildGraph(
      [entryEventNode('start'), exitNode('done'), exitNode('other')],
      [...chain('start', 'done'), edge('done', 'other', 'next', 'e4')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-handle',
        message: 'Node "done" (Exit): connection "e4" starts from the "next" path, which this node does not have.',
        nodeId: 'done',
        edgeId: 'e4',
        field: 'sourceHandle',
      },
      {
        severity: 'error',
        code: 'unreachable-node',
        message: 'Node "other" (Exit): no path from an entry leads here, so no user will ever reach this step.',
        nodeId: 'other',
      },
    ]);
  });

  it('reports a connection repeated with the same source, handle and target', () => {
    const graph = minimalJourney();
    graph.edges.push(edge('push', 'done', 'next', 'copy'));
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duplicate-edge',
        message: 'Connection "copy" repeats connection "push-next-done": both join the "next" path of "push" (Send push) to "done" (Exit). Remove one of them.',
        edgeId: 'copy',
      },
    ]);
  });

  it('reports a handle that leads to two places', () => {
    const graph = buildGraph(
      [entryEventNode('start'), pushNode('push', {}, { label: 'Welcome' }), exitNode('done'), exitNode('other')],
      [...chain('start', 'push', 'done'), edge('push', 'other', 'next', 'e5')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'handle-has-several-edges',
        message:
          'Node "Welcome" (Send push): the "next" path already leads to "done" (Exit), so connection "e5" to "other" (Exit) is one too many: a path leads to one step.',
        nodeId: 'push',
        edgeId: 'e5',
      },
    ]);
  });
});
