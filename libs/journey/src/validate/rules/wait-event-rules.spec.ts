import { type WaitEventBranch } from '../../format/journey-graph';
import { buildGraph, chain, edge, entryEventNode, exitNode, waitEventNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

function waitFor(branches: WaitEventBranch[], timeout = '1d') {
  return buildGraph(
    [entryEventNode('start'), waitEventNode('wait', { branches, timeout }), exitNode('done')],
    [...chain('start', 'wait'), edge('wait', 'done', 'timeout'), ...[...new Set(branches.map((branch) => branch.id))].filter((id) => id !== 'timeout').map((id) => edge('wait', 'done', id))],
  );
}

describe('wait for event rules', () => {
  it('reports a wait without branches', () => {
    expect(validateJourney(waitFor([])).problems).toEqual([
      {
        severity: 'error',
        code: 'wait-event-no-branches',
        message: 'Node "wait" (Wait for event): it waits for no event: add at least one event branch.',
        nodeId: 'wait',
        field: 'data.branches',
      },
    ]);
  });

  it('reports duplicate branch ids', () => {
    const branch = { id: 'bought', events: [{ event: 'purchase' }] };
    expect(validateJourney(waitFor([branch, { ...branch }])).problems).toEqual([
      {
        severity: 'error',
        code: 'wait-event-duplicate-branch-id',
        message: 'Node "wait" (Wait for event): two branches use the id "bought"; each branch needs its own id.',
        nodeId: 'wait',
        field: 'data.branches[1].id',
      },
    ]);
  });

  it('reports a branch named like the timeout path', () => {
    const problems = validateJourney(waitFor([{ id: 'timeout', events: [{ event: 'purchase' }] }])).problems;
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'wait-event-reserved-branch-id',
        message: 'Node "wait" (Wait for event): the branch id "timeout" is reserved for the timeout path; choose another id.',
        nodeId: 'wait',
        field: 'data.branches[0].id',
      },
    ]);
  });

  it('reports a branch without events, by its label', () => {
    expect(validateJourney(waitFor([{ id: 'bought', label: 'Bought', events: [] }])).problems).toEqual([
      {
        severity: 'error',
        code: 'wait-event-branch-without-events',
        message: 'Node "wait" (Wait for event): the "Bought" branch lists no events; add the event it waits for.',
        nodeId: 'wait',
        field: 'data.branches[0].events',
      },
    ]);
  });

  it('reports a timeout over 90 days', () => {
    expect(validateJourney(waitFor([{ id: 'bought', events: [{ event: 'purchase' }] }], '90d')).problems).toEqual([]);
    expect(validateJourney(waitFor([{ id: 'bought', events: [{ event: 'purchase' }] }], '91d')).problems).toEqual([
      {
        severity: 'error',
        code: 'duration-too-long',
        message: 'Node "wait" (Wait for event): the timeout of 91d is too long; it can be at most 90 days.',
        nodeId: 'wait',
        field: 'data.timeout',
      },
    ]);
  });
});
