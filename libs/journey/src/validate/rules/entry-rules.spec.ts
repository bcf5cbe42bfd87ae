import { buildGraph, chain, edge, entryEventNode, exitNode, pushNode, waitDelayNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('entry rules', () => {
  it('reports a journey without an entry (and nothing about reachability then)', () => {
    const graph = buildGraph([pushNode('push'), exitNode('done')], chain('push', 'done'));
    expect(validateJourney(graph)).toEqual({
      valid: false,
      problems: [
        {
          severity: 'error',
          code: 'no-entry-node',
          message: 'The journey has no entry node: add an entry (event, segment or API) so users can start.',
        },
      ],
    });
  });

  it('reports a connection into an entry', () => {
    const graph = buildGraph(
      [entryEventNode('start', {}, { label: 'Signed up' }), pushNode('push'), waitDelayNode('wait')],
      [...chain('start', 'push', 'wait'), edge('wait', 'start', 'next', 'back')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'entry-has-incoming-edge',
        message:
          'Node "Signed up" (Entry on event): users can only start at an entry, but connection "back" from "wait" (Wait) leads into it. Remove that connection.',
        nodeId: 'start',
        edgeId: 'back',
      },
    ]);
  });
});
