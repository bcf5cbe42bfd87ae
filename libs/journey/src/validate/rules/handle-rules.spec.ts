import {
  buildGraph,
  chain,
  conditionNode,
  edge,
  entryEventNode,
  exitNode,
  splitNode,
  waitEventNode,
  whatsAppNode,
} from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('handle rules', () => {
  it('reports an unconnected "no" path', () => {
    const graph = buildGraph([entryEventNode('start'), conditionNode('vip'), exitNode('done')], [...chain('start', 'vip'), edge('vip', 'done', 'yes')]);
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unconnected-handle',
        message: 'Node "vip" (Condition): the "no" path is not connected; connect it to the next step (or to an Exit).',
        nodeId: 'vip',
      },
    ]);
  });

  it('names reply, branch and variant handles in words', () => {
    const graph = buildGraph(
      [
        entryEventNode('start'),
        whatsAppNode('wa', { quickReplies: [{ id: 'yes', text: 'YES' }], replyWindow: '1d' }),
        waitEventNode('wait', { branches: [{ id: 'bought', label: 'Bought', events: [{ event: 'purchase' }] }], timeout: '1d' }),
        splitNode('split', {
          variants: [
            { id: 'a', label: 'Control', percent: 50 },
            { id: 'b', percent: 50 },
          ],
        }),
        exitNode('done'),
      ],
      [...chain('start', 'wa'), edge('wa', 'wait', 'no_reply'), edge('wait', 'split', 'timeout'), edge('split', 'done', 'b')],
    );
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unconnected-handle',
        message: 'Node "wa" (Send WhatsApp): the "YES" reply path is not connected; connect it to the next step (or to an Exit).',
        nodeId: 'wa',
      },
      {
        severity: 'error',
        code: 'unconnected-handle',
        message: 'Node "wait" (Wait for event): the "Bought" branch is not connected; connect it to the next step (or to an Exit).',
        nodeId: 'wait',
      },
      {
        severity: 'error',
        code: 'unconnected-handle',
        message: 'Node "split" (A/B split): the "Control" variant is not connected; connect it to the next step (or to an Exit).',
        nodeId: 'split',
      },
    ]);
  });
});
