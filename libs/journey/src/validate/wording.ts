import { type JourneyNode } from '../format/journey-graph';
import { isNodeType, type NodeType } from '../format/node-types';

/** Node types as the canvas palette names them. */
export const NODE_TYPE_NAMES: Record<NodeType, string> = {
  'entry.event': 'Entry on event',
  'entry.segment': 'Entry by segment',
  'entry.api': 'Entry by API',
  'send.push': 'Send push',
  'send.email': 'Send email',
  'send.whatsapp': 'Send WhatsApp',
  'send.sms': 'Send SMS',
  'send.webhook': 'Call webhook',
  'update.tags': 'Update tags',
  'wait.delay': 'Wait',
  'wait.event': 'Wait for event',
  'branch.engagement': 'Engagement check',
  'branch.condition': 'Condition',
  'branch.split': 'A/B split',
  'branch.reachability': 'Reachability check',
  exit: 'Exit',
};

/** What problems need to know to name a node; any of it may be missing on broken input. */
export interface NamedNode {
  id: string;
  type?: string;
  label?: unknown;
}

/** `"Welcome push" (Send push)`: the label if any, else the id, and the type in words. */
export function nodeName(node: NamedNode): string {
  const name = typeof node.label === 'string' && node.label.trim() !== '' ? node.label.trim() : node.id;
  return node.type !== undefined && isNodeType(node.type) ? `"${name}" (${NODE_TYPE_NAMES[node.type]})` : `"${name}"`;
}

/** The subject problems about a node start with: `Node "Welcome push" (Send push)`. */
export function nodeSubject(node: NamedNode): string {
  return `Node ${nodeName(node)}`;
}

export function edgeSubject(edgeId: string): string {
  return `Connection "${edgeId}"`;
}

/** An out-handle in words: `the "no" path`, `the "YES" reply path`, `the "Bought" branch`. */
export function handlePhrase(node: JourneyNode | undefined, handle: string): string {
  switch (handle) {
    case 'no_reply':
      return 'the "no reply" path';
    case 'next':
    case 'yes':
    case 'no':
    case 'timeout':
      return `the "${handle}" path`;
  }
  if (node?.type === 'send.whatsapp' && handle.startsWith('reply:')) {
    const reply = node.data.quickReplies?.find((candidate) => `reply:${candidate.id}` === handle);
    if (reply !== undefined) return `the "${reply.text.trim() || reply.id}" reply path`;
  }
  if (node?.type === 'wait.event') {
    const branch = node.data.branches.find((candidate) => candidate.id === handle);
    if (branch !== undefined) return `the "${labelOrId(branch)}" branch`;
  }
  if (node?.type === 'branch.split') {
    const variant = node.data.variants.find((candidate) => candidate.id === handle);
    if (variant !== undefined) return `the "${labelOrId(variant)}" variant`;
  }
  return `the "${handle}" path`;
}

export function labelOrId(item: { id: string; label?: string }): string {
  return item.label !== undefined && item.label.trim() !== '' ? item.label.trim() : item.id;
}

/** `"A", "B" and "C"` (or `"A" or "B"`). */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The subject of problems about a conversion goal: `Goal "Purchase"`. */
export function goalSubject(goal: { id: string; name?: string }): string {
  return `Goal "${goal.name !== undefined && goal.name.trim() !== '' ? goal.name.trim() : goal.id}"`;
}
