import { type BranchEngagementData, type JourneyEdge, type JourneyNode } from '../../format/journey-graph';
import {
  buildGraph,
  chain,
  edge,
  emailNode,
  engagementNode,
  entryApiNode,
  entryEventNode,
  exitNode,
  pushNode,
  smsNode,
  splitNode,
  waitDelayNode,
  webhookNode,
  whatsAppNode,
} from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

/** start -> <send> -> check -> done (yes and no), plus any extra nodes and edges. */
function checkAfter(send: JourneyNode, check: Partial<BranchEngagementData>, extraNodes: JourneyNode[] = [], extraEdges: JourneyEdge[] = []) {
  return buildGraph(
    [entryEventNode('start'), send, engagementNode('check', { sendNodeId: send.id, ...check }, { label: 'Opened?' }), exitNode('done'), ...extraNodes],
    [...chain('start', send.id, 'check'), edge('check', 'done', 'yes'), edge('check', 'done', 'no'), ...extraEdges],
  );
}

describe('engagement rules', () => {
  it('accepts each channel with a metric it reports', () => {
    expect(validateJourney(checkAfter(pushNode('push'), { metric: 'opened' })).problems).toEqual([]);
    expect(validateJourney(checkAfter(emailNode('mail'), { metric: 'clicked' })).problems).toEqual([]);
    expect(validateJourney(checkAfter(whatsAppNode('wa'), { metric: 'read' })).problems).toEqual([]);
    expect(validateJourney(checkAfter(whatsAppNode('wa'), { metric: 'delivered' })).problems).toEqual([]);
  });

  it('reports a check of a node that does not exist', () => {
    const graph = checkAfter(pushNode('push'), {});
    const check = graph.nodes[2];
    if (check.type === 'branch.engagement') check.data.sendNodeId = 'gone';
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'engagement-send-node-missing',
        message: 'Node "Opened?" (Engagement check): it checks node "gone", which does not exist. Choose the send step whose message to check.',
        nodeId: 'check',
        field: 'data.sendNodeId',
      },
    ]);
  });

  it('asks for a message on a fresh check instead of naming an empty id', () => {
    const graph = checkAfter(pushNode('push'), {});
    const check = graph.nodes[2];
    if (check.type === 'branch.engagement') check.data.sendNodeId = '';
    expect(validateJourney(graph).problems.map((problem) => problem.message)).toEqual([
      'Node "Opened?" (Engagement check): no message to check is chosen. Choose the send step whose message to check.',
    ]);
  });

  it('reports a check of a step that sends nothing to the user', () => {
    expect(validateJourney(checkAfter(webhookNode('hook'), {})).problems).toEqual([
      {
        severity: 'error',
        code: 'engagement-not-a-send-node',
        message: 'Node "Opened?" (Engagement check): it checks "hook" (Call webhook), which sends no message to the user. Choose a push, email, WhatsApp or SMS step.',
        nodeId: 'check',
        field: 'data.sendNodeId',
      },
    ]);
    expect(validateJourney(checkAfter(waitDelayNode('wait'), {})).problems.map((problem) => problem.code)).toEqual([
      'engagement-not-a-send-node',
    ]);
  });

  it('reports a metric the channel does not report', () => {
    expect(validateJourney(checkAfter(pushNode('push'), { metric: 'clicked' })).problems).toEqual([
      {
        severity: 'error',
        code: 'engagement-metric-unavailable',
        message: 'Node "Opened?" (Engagement check): Push messages can be checked for "opened", not "clicked".',
        nodeId: 'check',
        field: 'data.metric',
      },
    ]);
    expect(validateJourney(checkAfter(emailNode('mail'), { metric: 'read' })).problems[0].message).toBe(
      'Node "Opened?" (Engagement check): Email messages can be checked for "opened" or "clicked", not "read".',
    );
    expect(validateJourney(checkAfter(whatsAppNode('wa'), { metric: 'clicked' })).problems[0].message).toBe(
      'Node "Opened?" (Engagement check): WhatsApp messages can be checked for "delivered" or "read", not "clicked".',
    );
    expect(validateJourney(checkAfter(smsNode('text'), { metric: 'delivered' })).problems[0].message).toBe(
      'Node "Opened?" (Engagement check): SMS messages report nothing back (no delivery or open receipts), so they cannot be checked for "delivered".',
    );
  });

  it('reports a check that another entry reaches without passing the send step', () => {
    const graph = checkAfter(pushNode('push'), {}, [entryApiNode('api')], [edge('api', 'check')]);
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'engagement-send-not-before',
        message:
          'Node "Opened?" (Engagement check): not every path to this step passes through "push" (Send push) first, so some users would have no message to check. Place the check after that send step on every path.',
        nodeId: 'check',
        field: 'data.sendNodeId',
      },
    ]);
  });

  it('reports a check that one split variant reaches without the send step', () => {
    const graph = buildGraph(
      [entryEventNode('start'), splitNode('split'), pushNode('push'), engagementNode('check', { sendNodeId: 'push' }), exitNode('done')],
      [...chain('start', 'split'), edge('split', 'push', 'a'), edge('split', 'check', 'b'), edge('push', 'check'), edge('check', 'done', 'yes'), edge('check', 'done', 'no')],
    );
    expect(validateJourney(graph).problems.map((problem) => [problem.code, problem.nodeId])).toEqual([['engagement-send-not-before', 'check']]);
  });

  it('accepts a send step on every path even when a loop leads back before it', () => {
    const graph = buildGraph(
      [entryEventNode('start'), waitDelayNode('wait'), pushNode('push'), engagementNode('check', { sendNodeId: 'push' }), exitNode('done')],
      [...chain('start', 'wait', 'push', 'check'), edge('check', 'wait', 'no'), edge('check', 'done', 'yes')],
    );
    expect(validateJourney(graph).problems).toEqual([]);
  });

  it('reports a check placed before its send step in a loop', () => {
    const graph = buildGraph(
      [entryEventNode('start'), waitDelayNode('wait'), engagementNode('check', { sendNodeId: 'push' }), pushNode('push'), exitNode('done')],
      [...chain('start', 'wait', 'check'), edge('check', 'push', 'no'), edge('push', 'wait'), edge('check', 'done', 'yes')],
    );
    expect(validateJourney(graph).problems.map((problem) => [problem.code, problem.nodeId])).toEqual([['engagement-send-not-before', 'check']]);
  });
});
