import { type JourneyGraph, type JourneyNode, outHandles } from '@engine/journey';

/**
 * Replaces one node. Connections leaving through out-handles the change removed (a deleted quick
 * reply, split variant or wait branch) go with them; the canvas cannot draw them anyway.
 */
export function replaceNode(graph: JourneyGraph, updated: JourneyNode): JourneyGraph {
  const index = graph.nodes.findIndex((node) => node.id === updated.id);
  if (index === -1) return graph;
  const previous = graph.nodes[index];
  const nodes = [...graph.nodes];
  nodes[index] = updated;
  const before = new Set(outHandles(previous));
  const after = new Set(outHandles(updated));
  const removedHandles = [...before].filter((handle) => !after.has(handle));
  if (removedHandles.length === 0) return { ...graph, nodes };
  const edges = graph.edges.filter((edge) => !(edge.source === updated.id && removedHandles.includes(edge.sourceHandle)));
  return { ...graph, nodes, edges };
}

/** Moves nodes to new positions; nodes not listed keep theirs (and their identity). */
export function moveNodes(graph: JourneyGraph, positions: ReadonlyMap<string, { x: number; y: number }>): JourneyGraph {
  if (positions.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const position = positions.get(node.id);
      if (position === undefined || (position.x === node.position.x && position.y === node.position.y)) return node;
      return { ...node, position: { x: position.x, y: position.y } };
    }),
  };
}
