import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { type CanvasPosition, type JourneyEdge, type JourneyGraph, outHandles } from '@engine/journey';

export interface NodeSize {
  width: number;
  height: number;
}

export const DEFAULT_NODE_SIZE: NodeSize = { width: 224, height: 100 };

/**
 * Left-to-right layout with dagre: entries on the left, each step one column further right.
 * Returns the new top-left position of every node; sizes are the measured ones where known.
 */
export function autoLayout(graph: JourneyGraph, sizes: ReadonlyMap<string, NodeSize>): Map<string, CanvasPosition> {
  const layout = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  layout.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 56, marginx: 0, marginy: 0 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    layout.setNode(node.id, { width: size.width, height: size.height });
  }
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  // Each node's edges in reverse out-handle order: dagre then places the first handle's step on
  // top ("yes" above "no", variant A above B).
  const edgesBySource = new Map<string, JourneyEdge[]>();
  for (const edge of graph.edges) edgesBySource.set(edge.source, [...(edgesBySource.get(edge.source) ?? []), edge]);
  for (const node of graph.nodes) {
    const handles = outHandles(node);
    const edges = [...(edgesBySource.get(node.id) ?? [])].sort((a, b) => handles.indexOf(b.sourceHandle) - handles.indexOf(a.sourceHandle));
    for (const edge of edges) {
      if (nodeIds.has(edge.target)) layout.setEdge(edge.source, edge.target, {}, edge.id);
    }
  }
  dagre.layout(layout);
  const positions = new Map<string, CanvasPosition>();
  for (const node of graph.nodes) {
    const placed = layout.node(node.id);
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    positions.set(node.id, { x: Math.round((placed.x ?? 0) - size.width / 2), y: Math.round((placed.y ?? 0) - size.height / 2) });
  }
  return positions;
}
