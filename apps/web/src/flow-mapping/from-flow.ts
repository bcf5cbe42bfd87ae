import { type JourneyGraph, type JourneySettings } from '@engine/journey';
import { type JourneyFlowEdge, type JourneyFlowNode } from './flow-types';

/** A journey graph back from React Flow nodes and edges (positions from the flow nodes). */
export function fromFlow(nodes: readonly JourneyFlowNode[], edges: readonly JourneyFlowEdge[], settings: JourneySettings): JourneyGraph {
  return {
    formatVersion: 1,
    nodes: nodes.map((flowNode) => ({ ...flowNode.data.node, position: { x: flowNode.position.x, y: flowNode.position.y } })),
    edges: edges.map((edge) => ({ id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle ?? 'next', target: edge.target })),
    settings,
  };
}
