import { type CanvasPosition, type JourneyEdge, type JourneyGraph, type JourneyNode } from '@engine/journey';
import { uniqueId } from './node-ids';

/** Copied nodes and the connections between them. */
export interface ClipboardContent {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

export function copyNodes(graph: JourneyGraph, nodeIds: readonly string[]): ClipboardContent | undefined {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return undefined;
  const edges = graph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return structuredClone({ nodes, edges });
}

/**
 * Pastes copied nodes shifted by `offset`, with fresh ids; connections between them and
 * engagement checks looking at a copied send node follow the copies.
 */
export function pasteNodes(
  graph: JourneyGraph,
  content: ClipboardContent,
  offset: CanvasPosition,
): { graph: JourneyGraph; nodeIds: string[] } {
  const takenNodeIds = new Set(graph.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  for (const node of content.nodes) {
    const id = uniqueId(node.id.replace(/-\d+$/, ''), takenNodeIds);
    takenNodeIds.add(id);
    renamed.set(node.id, id);
  }
  const nodes = content.nodes.map((node) => {
    const copy = structuredClone(node);
    copy.id = renamed.get(node.id)!;
    copy.position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    if (copy.type === 'branch.engagement' && renamed.has(copy.data.sendNodeId)) {
      copy.data = { ...copy.data, sendNodeId: renamed.get(copy.data.sendNodeId)! };
    }
    return copy;
  });
  const takenEdgeIds = new Set(graph.edges.map((edge) => edge.id));
  const edges = content.edges.map((edge) => {
    const source = renamed.get(edge.source)!;
    const id = uniqueId(edge.sourceHandle === 'next' ? source : `${source}-${edge.sourceHandle}`, takenEdgeIds);
    takenEdgeIds.add(id);
    return { id, source, sourceHandle: edge.sourceHandle, target: renamed.get(edge.target)! };
  });
  return { graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, nodeIds: nodes.map((node) => node.id) };
}
