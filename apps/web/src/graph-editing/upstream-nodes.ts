import { isSendNodeType, type JourneyGraph, type JourneyNode, type SendNodeType } from '@engine/journey';

/** Every node from which `nodeId` can be reached, nearest first (breadth-first against the arrows). */
export function upstreamNodes(graph: JourneyGraph, nodeId: string): JourneyNode[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
  const seen = new Set<string>([nodeId]);
  const order: JourneyNode[] = [];
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const source of incoming.get(id) ?? []) {
        if (seen.has(source)) continue;
        seen.add(source);
        const node = byId.get(source);
        if (node !== undefined) order.push(node);
        next.push(source);
      }
    }
    frontier = next;
  }
  return order;
}

export type SendNode = Extract<JourneyNode, { type: SendNodeType }>;

/** The send nodes before `nodeId`, nearest first: what an engagement check can look at. */
export function earlierSendNodes(graph: JourneyGraph, nodeId: string): SendNode[] {
  return upstreamNodes(graph, nodeId).filter((node): node is SendNode => isSendNodeType(node.type) && node.type !== 'send.webhook');
}
