import { type JourneyNode } from '../../format/journey-graph';
import {
  buildGraph,
  chain,
  edge,
  engagementNode,
  entryEventNode,
  entrySegmentNode,
  exitNode,
  minimalJourney,
  pushNode,
  waitDelayNode,
  whatsAppNode,
} from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

function problemsOf(step: JourneyNode) {
  return validateJourney(buildGraph([entryEventNode('start'), step, exitNode('done')], chain('start', step.id, 'done'))).problems;
}

describe('duration rules', () => {
  it('reports a delay that is not a duration', () => {
    expect(problemsOf(waitDelayNode('wait', { mode: 'duration', duration: '2 days' }))).toEqual([
      {
        severity: 'error',
        code: 'invalid-duration',
        message: 'Node "wait" (Wait): the delay "2 days" is not a duration; write it like 30m, 4h, 2d or 1h30m.',
        nodeId: 'wait',
        field: 'data.duration',
      },
    ]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'duration', duration: '0s' }))).toEqual([]);
  });

  it('accepts a signed offset and reports a bad one', () => {
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', fromTag: 'birthday', offset: '-1d' }))).toEqual([]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', fromTag: 'birthday', offset: '+2h' }))).toEqual([]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', fromTag: 'birthday', offset: '-one day' }))).toEqual([
      {
        severity: 'error',
        code: 'invalid-duration',
        message: 'Node "wait" (Wait): the offset "-one day" is not a duration; write it like 30m, 4h, 2d or 1h30m.',
        nodeId: 'wait',
        field: 'data.offset',
      },
    ]);
  });

  it('reports an engagement window over 30 days', () => {
    const graph = buildGraph(
      [entryEventNode('start'), pushNode('push'), engagementNode('check', { sendNodeId: 'push', window: '31d' }), exitNode('done')],
      [...chain('start', 'push', 'check'), edge('check', 'done', 'yes'), edge('check', 'done', 'no')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duration-too-long',
        message: 'Node "check" (Engagement check): the window of 31d is too long; it can be at most 30 days.',
        nodeId: 'check',
        field: 'data.window',
      },
    ]);
  });

  it('reports a zero reply window', () => {
    const step = whatsAppNode('wa', { quickReplies: [{ id: 'yes', text: 'YES' }], replyWindow: '0s' });
    const graph = buildGraph([entryEventNode('start'), step, exitNode('done')], [...chain('start', 'wa'), edge('wa', 'done', 'reply:yes'), edge('wa', 'done', 'no_reply')]);
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duration-not-positive',
        message: 'Node "wa" (Send WhatsApp): the reply window must be longer than 0.',
        nodeId: 'wa',
        field: 'data.replyWindow',
      },
    ]);
  });

  it('reports a bad segment repeat interval', () => {
    const graph = buildGraph([entrySegmentNode('seg', { repeatEvery: 'daily' }), exitNode('done')], chain('seg', 'done'));
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-duration',
        message: 'Node "seg" (Entry by segment): the repeat interval "daily" is not a duration; write it like 30m, 4h, 2d or 1h30m.',
        nodeId: 'seg',
        field: 'data.repeatEvery',
      },
    ]);
  });

  it('reports bad durations in the settings', () => {
    const graph = minimalJourney();
    graph.settings = {
      goals: [{ id: 'g1', name: 'Purchase', event: 'purchase', period: '45d', endsJourney: false }],
      reentry: { mode: 'cooldown', cooldown: 'soon' },
      frequencyCap: { maxMessages: 2, period: '0m', channels: ['push'] },
      throttling: [{ channel: 'push', limit: 10, per: '1 minute' }],
    };
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duration-too-long',
        message: 'Goal "Purchase": the conversion period of 45d is too long; it can be at most 30 days.',
        field: 'settings.goals[0].period',
      },
      {
        severity: 'error',
        code: 'invalid-duration',
        message: 'Re-entry: the cooldown "soon" is not a duration; write it like 30m, 4h, 2d or 1h30m.',
        field: 'settings.reentry.cooldown',
      },
      {
        severity: 'error',
        code: 'duration-not-positive',
        message: 'Frequency capping: the period must be longer than 0.',
        field: 'settings.frequencyCap.period',
      },
      {
        severity: 'error',
        code: 'invalid-duration',
        message: 'Throttling of push: the period "1 minute" is not a duration; write it like 30m, 4h, 2d or 1h30m.',
        field: 'settings.throttling[0].per',
      },
    ]);
  });
});
