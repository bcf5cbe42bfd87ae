import { type CanvasPosition, isEntryNodeType, type JourneyGraph, type NodeType, outHandles } from '@engine/journey';
import { addNode } from './add-node';
import { DEFAULT_NODE_SIZE } from './auto-layout';

/** An out-handle of a node: where a connection starts. */
export interface OutHandleRef {
  nodeId: string;
  handle: string;
}

/**
 * Adds a node of `type` where a connection dragged from `from` was let go on empty canvas, and
 * connects `from` to it: the new node's input sits on `dropPoint`, so the line the user drew ends
 * there. Each out-handle leads to one node, so a connection the handle already had is replaced
 * (as connectNodes does). Undefined for an entry (nothing may lead into one) or a handle the
 * source does not have.
 */
export function addNodeFromHandle(
  graph: JourneyGraph,
  type: NodeType,
  dropPoint: CanvasPosition,
  from: OutHandleRef,
): { graph: JourneyGraph; nodeId: string } | undefined {
  if (isEntryNodeType(type)) return undefined;
  const source = graph.nodes.find((node) => node.id === from.nodeId);
  if (source === undefined || !outHandles(source).includes(from.handle)) return undefined;
  const position = { x: Math.round(dropPoint.x), y: Math.round(dropPoint.y - DEFAULT_NODE_SIZE.height / 2) };
  return addNode(graph, type, { position, after: { nodeId: from.nodeId, handle: from.handle } });
}
