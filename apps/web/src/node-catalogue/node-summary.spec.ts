import { type JourneyNode } from '@engine/journey';
import { describe, expect, it } from 'vitest';
import { omnichannel } from '../testing/journey-fixtures';
import { handleLabel } from './handle-label';
import { nodeSummary, weekdaysLabel } from './node-summary';

const at = { x: 0, y: 0 };

describe('node summaries on the canvas', () => {
  it('shows the key setting of each node of the example', () => {
    const graph = omnichannel();
    const summaries = Object.fromEntries(graph.nodes.map((node) => [node.id, nodeSummary(node, graph)]));
    expect(summaries).toMatchObject({
      entry: 'PW_WhatsAppReceived where event.text matches "promo"',
      push: '“Your promo is here”',
      'push-opened': 'Push opened within 4 h?',
      'email-opened': 'Email opened within 4 h?',
      whatsapp: 'Template promo_offer (en)',
      'exit-push': 'Leave the journey',
    });
  });

  it('describes waits', () => {
    const wait = (data: Extract<JourneyNode, { type: 'wait.delay' }>['data']): string => nodeSummary({ id: 'w', type: 'wait.delay', position: at, data });
    expect(wait({ mode: 'duration', duration: '4h' })).toBe('Wait 4 h');
    expect(wait({ mode: 'duration', duration: '1h30m' })).toBe('Wait 1 h 30 min');
    expect(wait({ mode: 'timeOfDay', time: '09:00', weekdays: [1, 2, 3, 4, 5] })).toBe('Until 09:00 Mon–Fri');
    expect(wait({ mode: 'date', fromTag: 'renewal', offset: '-1d' })).toBe('Until tags.renewal − 1 d');
    expect(weekdaysLabel([6, 7])).toBe('Sat, Sun');
  });

  it('names out-handles: replies, branches, variants, timeouts', () => {
    const whatsapp: JourneyNode = { id: 'wa', type: 'send.whatsapp', position: at, data: { mode: 'text', text: 'Hi', quickReplies: [{ id: 'y', text: 'YES' }], replyWindow: '1d' } };
    expect(handleLabel(whatsapp, 'reply:y')).toBe('Reply “YES”');
    expect(handleLabel(whatsapp, 'no_reply')).toBe('No reply in 1 d');
    const waitEvent: JourneyNode = { id: 'we', type: 'wait.event', position: at, data: { branches: [{ id: 'b', events: [{ event: 'Purchase' }] }], timeout: '2d' } };
    expect(handleLabel(waitEvent, 'b')).toBe('Purchase');
    expect(handleLabel(waitEvent, 'timeout')).toBe('Timeout 2 d');
    const split: JourneyNode = { id: 's', type: 'branch.split', position: at, data: { variants: [{ id: 'a', label: 'Control', percent: 20 }] } };
    expect(handleLabel(split, 'a')).toBe('Control · 20%');
    expect(handleLabel(split, 'gone')).toBe('gone');
  });
});
