import {
  buildGraph,
  chain,
  conditionNode,
  edge,
  engagementNode,
  entryEventNode,
  exitNode,
  pushNode,
  waitDelayNode,
} from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('cycle rules', () => {
  it('reports a loop of steps where no time passes', () => {
    const graph = buildGraph(
      [entryEventNode('start'), pushNode('push'), conditionNode('vip', {}, { label: 'VIP?' }), exitNode('done')],
      [...chain('start', 'push', 'vip'), edge('vip', 'push', 'yes'), edge('vip', 'done', 'no')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'cycle-without-wait',
        message:
          'Node "push" (Send push): the loop through "push" (Send push) and "VIP?" (Condition) has no wait in it, so a user would go round it forever. Add a wait step (delay, wait for event, engagement check or WhatsApp reply) to the loop.',
        nodeId: 'push',
      },
    ]);
  });

  it('reports a node connected to itself', () => {
    const graph = buildGraph(
      [entryEventNode('start'), conditionNode('vip'), exitNode('done')],
      [...chain('start', 'vip'), edge('vip', 'vip', 'yes'), edge('vip', 'done', 'no')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'cycle-without-wait',
        message:
          'Node "vip" (Condition): it leads back to itself with no wait in between, so a user would go round it forever. Add a wait step (delay, wait for event, engagement check or WhatsApp reply) to the loop.',
        nodeId: 'vip',
      },
    ]);
  });

  it('accepts loops through a wait or an engagement check, and a wait connected to itself', () => {
    const graph = buildGraph(
      [
        entryEventNode('start'),
        pushNode('push'),
        waitDelayNode('wait'),
        engagementNode('opened', { sendNodeId: 'push' }),
        conditionNode('vip'),
        waitDelayNode('again'),
        exitNode('done'),
      ],
      [
        ...chain('start', 'push', 'wait', 'opened'),
        edge('opened', 'push', 'no'),
        edge('opened', 'vip', 'yes'),
        edge('vip', 'again', 'yes'),
        edge('vip', 'done', 'no'),
        edge('again', 'again'),
      ],
    );
    expect(validateJourney(graph).problems).toEqual([]);
  });
});
