import { type JourneyGraph } from '@engine/journey';

/** Removes nodes (with every connection touching them) and connections. */
export function removeElements(graph: JourneyGraph, nodeIds: readonly string[], edgeIds: readonly string[]): JourneyGraph {
  if (nodeIds.length === 0 && edgeIds.length === 0) return graph;
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !nodes.has(node.id)),
    edges: graph.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target)),
  };
}
