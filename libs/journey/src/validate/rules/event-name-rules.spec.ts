import { buildGraph, chain, conditionNode, edge, entryEventNode, exitNode, minimalJourney, pushNode, waitEventNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('event name rules', () => {
  it('warns about a PW_ name that is not built in', () => {
    const graph = minimalJourney();
    graph.nodes[0] = entryEventNode('start', { event: 'PW_PushOpend' });
    expect(validateJourney(graph)).toEqual({
      valid: true,
      problems: [
        {
          severity: 'warning',
          code: 'unknown-built-in-event',
          message:
            'Node "start" (Entry on event): "PW_PushOpend" looks like a built-in event but is not one (built-in events: PW_WhatsAppReceived, PW_WhatsAppSent, PW_WhatsAppDelivered, PW_WhatsAppRead, PW_WhatsAppFailed, PW_PushOpened, PW_EmailOpened, PW_EmailClicked).',
          nodeId: 'start',
          field: 'data.event',
        },
      ],
    });
  });

  it('reports the reserved journey. prefix as an error', () => {
    const graph = minimalJourney();
    graph.nodes[0] = entryEventNode('start', { event: 'journey.timer' });
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'reserved-event-name',
        message: 'Node "start" (Entry on event): "journey.timer" starts with "journey.", which is reserved for the journey engine; rename the event.',
        nodeId: 'start',
        field: 'data.event',
      },
    ]);
  });

  it('reports an empty event name', () => {
    const graph = minimalJourney();
    graph.nodes[0] = entryEventNode('start', { event: '' });
    expect(validateJourney(graph).problems.map((problem) => [problem.code, problem.message])).toEqual([
      ['event-name-missing', 'Node "start" (Entry on event): the event name is empty; choose an event.'],
    ]);
  });

  it('warns about custom names the workspace does not know, only when told which it knows', () => {
    const graph = buildGraph(
      [
        entryEventNode('start', { event: 'signup', where: { history: { event: 'purchse' } } }),
        waitEventNode('wait', { branches: [{ id: 'b', events: [{ event: 'PW_EmailOpened' }, { event: 'checkout' }] }], timeout: '1d' }),
        conditionNode('vip', { condition: { or: [{ field: 'tags.vip', op: 'eq', value: true }, { not: { history: { event: 'refund' } } }] } }),
        pushNode('push'),
        exitNode('done'),
      ],
      [...chain('start', 'wait'), edge('wait', 'vip', 'b'), edge('wait', 'done', 'timeout'), edge('vip', 'push', 'yes'), edge('vip', 'done', 'no'), edge('push', 'done')],
      { goals: [{ id: 'g', event: 'order', period: '7d', endsJourney: false }] },
    );
    expect(validateJourney(graph).problems).toEqual([]);
    const known = ['signup', 'checkout', 'refund'];
    expect(validateJourney(graph, { knownEvents: known }).problems).toEqual([
      {
        severity: 'warning',
        code: 'unknown-event',
        message: 'Node "start" (Entry on event): no event named "purchse" has been tracked yet; check the spelling.',
        nodeId: 'start',
        field: 'data.where.history.event',
      },
      {
        severity: 'warning',
        code: 'unknown-event',
        message: 'Goal "g": no event named "order" has been tracked yet; check the spelling.',
        field: 'settings.goals[0].event',
      },
    ]);
    expect(validateJourney(graph, { knownEvents: [...known, 'purchse', 'order'] }).problems).toEqual([]);
  });

  it('checks events of wait branches, history conditions and goals', () => {
    const graph = buildGraph(
      [
        entryEventNode('start'),
        waitEventNode('wait', { branches: [{ id: 'b', events: [{ event: 'journey.x' }] }], timeout: '1d' }),
        conditionNode('vip', { condition: { and: [{ field: 'tags.a', op: 'exists' }, { history: { event: 'PW_Nope' } }] } }),
        exitNode('done'),
      ],
      [...chain('start', 'wait'), edge('wait', 'vip', 'b'), edge('wait', 'done', 'timeout'), edge('vip', 'done', 'yes'), edge('vip', 'done', 'no')],
      { goals: [{ id: 'g', name: 'Bought', event: 'purchase', where: { history: { event: 'journey.y' } }, period: '1d', endsJourney: true }] },
    );
    expect(validateJourney(graph).problems.map((problem) => [problem.code, problem.nodeId, problem.field])).toEqual([
      ['reserved-event-name', 'wait', 'data.branches[0].events[0].event'],
      ['unknown-built-in-event', 'vip', 'data.condition.and[1].history.event'],
      ['reserved-event-name', undefined, 'settings.goals[0].where.history.event'],
    ]);
  });
});
