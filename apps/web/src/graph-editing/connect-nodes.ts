import { isEntryNodeType, type JourneyGraph, outHandles } from '@engine/journey';
import { nextEdgeId } from './node-ids';

export interface JourneyConnection {
  source: string;
  sourceHandle: string;
  target: string;
}

/** Whether a connection may be drawn: an existing out-handle into a node that accepts users. */
export function canConnect(graph: JourneyGraph, connection: JourneyConnection): boolean {
  if (connection.source === connection.target) return false;
  const source = graph.nodes.find((node) => node.id === connection.source);
  const target = graph.nodes.find((node) => node.id === connection.target);
  if (source === undefined || target === undefined) return false;
  if (isEntryNodeType(target.type)) return false;
  return outHandles(source).includes(connection.sourceHandle);
}

/**
 * Connects an out-handle to a node. Each out-handle leads to one node, so a connection from a
 * handle that was already connected replaces the old one.
 */
export function connectNodes(graph: JourneyGraph, connection: JourneyConnection): JourneyGraph {
  if (!canConnect(graph, connection)) return graph;
  const kept = graph.edges.filter(
    (edge) => !(edge.source === connection.source && edge.sourceHandle === connection.sourceHandle),
  );
  const withoutOld = { ...graph, edges: kept };
  const edge = { id: nextEdgeId(withoutOld, connection.source, connection.sourceHandle), ...connection };
  return { ...graph, edges: [...kept, edge] };
}
