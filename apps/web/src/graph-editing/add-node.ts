import { type CanvasPosition, type JourneyGraph, type JourneyNode, type NodeType, outHandles } from '@engine/journey';
import { defaultNodeData } from '../node-catalogue/default-node-data';
import { connectNodes } from './connect-nodes';
import { nextNodeId } from './node-ids';
import { earlierSendNodes } from './upstream-nodes';

/** Horizontal distance between a node and the one added after it. */
export const NEXT_NODE_OFFSET_X = 290;
const HANDLE_SPACING_Y = 170;

/** The first out-handle of a node that leads nowhere yet. */
export function firstFreeHandle(graph: JourneyGraph, node: JourneyNode): string | undefined {
  const used = new Set(graph.edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle));
  return outHandles(node).find((handle) => !used.has(handle));
}

/** Where a node added after `source` through `handle` goes: to the right, fanned out by handle. */
export function positionAfter(source: JourneyNode, handle: string): CanvasPosition {
  const handles = outHandles(source);
  const index = Math.max(0, handles.indexOf(handle));
  const offset = handles.length <= 1 ? 0 : (index - (handles.length - 1) / 2) * HANDLE_SPACING_Y;
  return { x: source.position.x + NEXT_NODE_OFFSET_X, y: source.position.y + offset };
}

export interface AddNodeOptions {
  position: CanvasPosition;
  /** Connect the new node after this node's out-handle. */
  after?: { nodeId: string; handle: string };
}

/**
 * Adds a node of `type` with its default data. An engagement check looks at the nearest send
 * node before it, so "Push -> Engagement check" needs no further setting.
 */
export function addNode(graph: JourneyGraph, type: NodeType, options: AddNodeOptions): { graph: JourneyGraph; nodeId: string } {
  const id = nextNodeId(graph, type);
  const node = { id, type, data: defaultNodeData(type), position: options.position } as JourneyNode;
  let next: JourneyGraph = { ...graph, nodes: [...graph.nodes, node] };
  if (options.after !== undefined) {
    next = connectNodes(next, { source: options.after.nodeId, sourceHandle: options.after.handle, target: id });
  }
  if (node.type === 'branch.engagement') {
    const [nearest] = earlierSendNodes(next, id);
    if (nearest !== undefined) {
      const metric = nearest.type === 'send.whatsapp' ? 'read' : 'opened';
      next = {
        ...next,
        nodes: next.nodes.map((candidate) =>
          candidate.id === id ? { ...node, data: { ...node.data, sendNodeId: nearest.id, metric } } : candidate,
        ),
      };
    }
  }
  return { graph: next, nodeId: id };
}
