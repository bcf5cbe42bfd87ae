import { type JourneyGraph, type NodeType } from '@engine/journey';

/** Readable id stems: statistics and problems name nodes by id, so `push-2` beats a UUID. */
const ID_STEMS: Record<NodeType, string> = {
  'entry.event': 'entry',
  'entry.segment': 'segment-entry',
  'entry.api': 'api-entry',
  'send.push': 'push',
  'send.email': 'email',
  'send.whatsapp': 'whatsapp',
  'send.sms': 'sms',
  'send.webhook': 'webhook',
  'update.tags': 'tags',
  'wait.delay': 'wait',
  'wait.event': 'wait-event',
  'branch.engagement': 'engagement',
  'branch.condition': 'condition',
  'branch.split': 'split',
  'branch.reachability': 'reachability',
  exit: 'exit',
};

/** `stem`, else `stem-2`, `stem-3`... whichever is not taken. Ids are at most 64 characters. */
export function uniqueId(stem: string, taken: ReadonlySet<string>): string {
  const base = stem.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'node';
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function nextNodeId(graph: JourneyGraph, type: NodeType): string {
  return uniqueId(ID_STEMS[type], new Set(graph.nodes.map((node) => node.id)));
}

export function nextEdgeId(graph: JourneyGraph, source: string, sourceHandle: string): string {
  const stem = sourceHandle === 'next' ? source : `${source}-${sourceHandle}`;
  return uniqueId(stem, new Set(graph.edges.map((edge) => edge.id)));
}
