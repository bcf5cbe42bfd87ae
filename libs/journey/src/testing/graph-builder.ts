import {
  DEFAULT_JOURNEY_SETTINGS,
  type JourneyEdge,
  type JourneyGraph,
  type JourneyNode,
  type JourneySettings,
  type NodeDataByType,
  type NodeOfType,
} from '../format/journey-graph';
import { type NodeType } from '../format/node-types';

/**
 * Small builders for journey graphs in tests: `buildGraph([entryEventNode('start'), pushNode('push'),
 * exitNode('done')], chain('start', 'push', 'done'))`. Every node factory has sane default data
 * that passes validation; pass the fields to change.
 */

/** Default data per node type; each default is valid on its own. */
export const DEFAULT_NODE_DATA: { [T in NodeType]: NodeDataByType[T] } = {
  'entry.event': { event: 'signup' },
  'entry.segment': { segment: { field: 'tags.plan', op: 'eq', value: 'pro' } },
  'entry.api': {},
  'send.push': { title: 'Hello', body: 'Welcome aboard' },
  'send.email': { subject: 'Welcome', html: '<p>Hello {{tags.first_name|there}}</p>' },
  'send.whatsapp': { mode: 'template', template: { name: 'welcome', language: 'en_US' } },
  'send.sms': { text: 'Hello from us' },
  'send.webhook': { url: 'https://example.com/hook', method: 'POST' },
  'update.tags': { operations: [{ op: 'set', tag: 'welcomed', value: true }] },
  'wait.delay': { mode: 'duration', duration: '1h' },
  'wait.event': { branches: [{ id: 'bought', events: [{ event: 'purchase' }] }], timeout: '7d' },
  'branch.engagement': { sendNodeId: 'push', metric: 'opened', window: '1d' },
  'branch.condition': { condition: { field: 'tags.plan', op: 'eq', value: 'pro' } },
  'branch.split': {
    variants: [
      { id: 'a', percent: 50 },
      { id: 'b', percent: 50 },
    ],
  },
  'branch.reachability': { channel: 'push' },
  exit: {},
};

export interface NodeExtras {
  label?: string;
  position?: { x: number; y: number };
}

/**
 * A node of `type` with default data overridden by `data` (shallow). For `wait.delay`, data of
 * another mode replaces the default instead of merging into it.
 */
export function makeNode<T extends NodeType>(
  type: T,
  id: string,
  data: Partial<NodeDataByType[T]> = {},
  extras: NodeExtras = {},
): NodeOfType<T> {
  const defaults = structuredClone(DEFAULT_NODE_DATA[type]) as Record<string, unknown>;
  const overrides = data as Record<string, unknown>;
  const merged = 'mode' in overrides && overrides.mode !== defaults.mode && type === 'wait.delay' ? overrides : { ...defaults, ...overrides };
  const node = { id, type, data: merged, position: extras.position ?? { x: 0, y: 0 } } as unknown as NodeOfType<T>;
  if (extras.label !== undefined) node.label = extras.label;
  return node;
}

type Factory<T extends NodeType> = (id: string, data?: Partial<NodeDataByType[T]>, extras?: NodeExtras) => NodeOfType<T>;

function factory<T extends NodeType>(type: T): Factory<T> {
  return (id, data, extras) => makeNode(type, id, data, extras);
}

export const entryEventNode = factory('entry.event');
export const entrySegmentNode = factory('entry.segment');
export const entryApiNode = factory('entry.api');
export const pushNode = factory('send.push');
export const emailNode = factory('send.email');
export const whatsAppNode = factory('send.whatsapp');
export const smsNode = factory('send.sms');
export const webhookNode = factory('send.webhook');
export const updateTagsNode = factory('update.tags');
export const waitDelayNode = factory('wait.delay');
export const waitEventNode = factory('wait.event');
export const engagementNode = factory('branch.engagement');
export const conditionNode = factory('branch.condition');
export const splitNode = factory('branch.split');
export const reachabilityNode = factory('branch.reachability');
export const exitNode = factory('exit');

/** An edge; its id defaults to `source-handle-target`. */
export function edge(source: string, target: string, sourceHandle = 'next', id = `${source}-${sourceHandle}-${target}`): JourneyEdge {
  return { id, source, sourceHandle, target };
}

/** `next` edges joining the ids in order: chain('a', 'b', 'c') is a -> b -> c. */
export function chain(...ids: string[]): JourneyEdge[] {
  return ids.slice(1).map((target, index) => edge(ids[index], target));
}

/** A journey of these nodes and edges; settings default to DEFAULT_JOURNEY_SETTINGS. */
export function buildGraph(nodes: JourneyNode[], edges: JourneyEdge[], settings: Partial<JourneySettings> = {}): JourneyGraph {
  return { formatVersion: 1, nodes, edges, settings: { ...structuredClone(DEFAULT_JOURNEY_SETTINGS), ...settings } };
}

/** The smallest valid journey: an event entry, a push, an exit. */
export function minimalJourney(): JourneyGraph {
  return buildGraph([entryEventNode('start'), pushNode('push'), exitNode('done')], chain('start', 'push', 'done'));
}

/**
 * A valid journey that uses every node type and every setting, for "no problems" tests and as
 * a base to break one thing at a time.
 */
export function fullJourney(): JourneyGraph {
  return buildGraph(
    [
      entryEventNode(
        'start',
        { event: 'signup', where: { and: [{ field: 'event.plan', op: 'in', value: ['pro', 'team'] }, { history: { event: 'purchase', within: '30d' } }] } },
        { label: 'Signed up' },
      ),
      entrySegmentNode('segment', { repeatEvery: '1d' }),
      entryApiNode('api'),
      pushNode('push', {}, { label: 'Welcome push' }),
      waitDelayNode('wait', { mode: 'timeOfDay', time: '09:00', weekdays: [1, 2, 3, 4, 5], timeZone: 'Europe/Berlin' }),
      engagementNode('opened', { sendNodeId: 'push', metric: 'opened', window: '1d' }, { label: 'Push opened?' }),
      updateTagsNode('tag'),
      emailNode('email'),
      splitNode('split'),
      whatsAppNode('wa', {
        quickReplies: [
          { id: 'yes', text: 'YES' },
          { id: 'no', text: 'NO' },
        ],
        replyWindow: '1d',
      }),
      smsNode('sms'),
      webhookNode('hook', { headers: { Authorization: 'Bearer {{tags.token}}' }, timeoutMs: 5000 }),
      waitEventNode('buy', {
        branches: [{ id: 'bought', label: 'Bought', events: [{ event: 'purchase', where: { field: 'event.amount', op: 'gte', value: 10 } }] }],
        timeout: '7d',
      }),
      conditionNode('vip', { condition: { not: { field: 'tags.vip', op: 'exists' } } }),
      reachabilityNode('reach', { channel: 'email' }),
      waitDelayNode('until', { mode: 'date', fromTag: 'birthday', offset: '-1d' }),
      exitNode('done'),
    ],
    [
      edge('start', 'push'),
      edge('segment', 'push'),
      edge('api', 'push'),
      edge('push', 'wait'),
      edge('wait', 'opened'),
      edge('opened', 'tag', 'yes'),
      edge('opened', 'email', 'no'),
      edge('tag', 'done'),
      edge('email', 'split'),
      edge('split', 'wa', 'a'),
      edge('split', 'done', 'b'),
      edge('wa', 'sms', 'reply:yes'),
      edge('wa', 'hook', 'reply:no'),
      edge('wa', 'buy', 'no_reply'),
      edge('sms', 'done'),
      edge('hook', 'done'),
      edge('buy', 'vip', 'bought'),
      edge('buy', 'done', 'timeout'),
      edge('vip', 'reach', 'yes'),
      edge('vip', 'done', 'no'),
      edge('reach', 'until', 'yes'),
      edge('reach', 'done', 'no'),
      edge('until', 'done'),
    ],
    {
      goals: [{ id: 'purchase', name: 'Purchase', event: 'purchase', where: { field: 'event.amount', op: 'gt', value: 0 }, period: '7d', endsJourney: true }],
      reentry: { mode: 'cooldown', cooldown: '30d' },
      silentHours: {
        channels: ['push', 'sms'],
        windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '08:00' }],
        fallbackTimeZone: 'Europe/Berlin',
      },
      frequencyCap: { maxMessages: 3, period: '1d', channels: ['push', 'email'] },
      throttling: [{ channel: 'email', limit: 100, per: '1m' }],
    },
  );
}
