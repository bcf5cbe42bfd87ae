import { type NodeDataByType, type NodeType } from '@engine/journey';

/**
 * The data a node starts with when added from the palette: what most journeys want
 * (an engagement check on "opened" within 4 hours, a 50/50 split), with the marketer's own
 * text left empty for the validator to point at.
 */
export function defaultNodeData<T extends NodeType>(type: T): NodeDataByType[T] {
  const defaults: { [K in NodeType]: () => NodeDataByType[K] } = {
    'entry.event': () => ({ event: '' }),
    'entry.segment': () => ({ segment: { and: [{ field: '', op: 'eq', value: '' }] } }),
    'entry.api': () => ({}),
    'send.push': () => ({ title: '', body: '' }),
    'send.email': () => ({ subject: '', html: '' }),
    'send.whatsapp': () => ({ mode: 'template', template: { name: '', language: 'en' } }),
    'send.sms': () => ({ text: '' }),
    'send.webhook': () => ({ url: '', method: 'POST' }),
    'update.tags': () => ({ operations: [{ op: 'set', tag: '', value: '' }] }),
    'wait.delay': () => ({ mode: 'duration', duration: '1h' }),
    'wait.event': () => ({ branches: [{ id: 'did', label: 'Did it', events: [{ event: '' }] }], timeout: '1d' }),
    'branch.engagement': () => ({ sendNodeId: '', metric: 'opened', window: '4h' }),
    'branch.condition': () => ({ condition: { field: '', op: 'eq', value: '' } }),
    'branch.split': () => ({
      variants: [
        { id: 'a', label: 'A', percent: 50 },
        { id: 'b', label: 'B', percent: 50 },
      ],
    }),
    'branch.reachability': () => ({ channel: 'push' }),
    exit: () => ({}),
  };
  return (defaults[type] as () => NodeDataByType[T])();
}
