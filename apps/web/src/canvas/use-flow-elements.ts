import { useMemo, useRef } from 'react';
import { type NodeStats } from '../api/journey-types';
import { useEditor } from '../editor-store/editor-store-context';
import { type JourneyFlowEdge, type JourneyFlowNode } from '../flow-mapping/flow-types';
import { pathSteps, toFlowEdge } from '../flow-mapping/to-flow-edges';
import { toFlowNode } from '../flow-mapping/to-flow-nodes';
import { useProblems } from '../validation/validation-context';

export interface CanvasOverlays {
  statsByNode?: ReadonlyMap<string, NodeStats>;
  /** The journey of the statistics: a node's counter links to the users at it. */
  statsJourneyId?: string;
  testUserNodeId?: string;
  /** The nodes a simulated user went through, in order. */
  path?: readonly string[];
}

const NO_PATH: readonly string[] = [];

/** Shallow equality of two flow nodes' inputs, to reuse the previous object when nothing changed. */
function sameNode(a: JourneyFlowNode, b: JourneyFlowNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.draggable === b.draggable &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    a.data.node === b.data.node &&
    a.data.summary === b.data.summary &&
    a.data.problems === b.data.problems &&
    a.data.stats === b.data.stats &&
    a.data.usersAtStepHref === b.data.usersAtStepHref &&
    a.data.testUserHere === b.data.testUserHere &&
    a.data.onPath === b.data.onPath &&
    a.data.readOnly === b.data.readOnly
  );
}

function sameEdge(a: JourneyFlowEdge, b: JourneyFlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.selected === b.selected &&
    a.data?.problems === b.data?.problems &&
    a.data?.readOnly === b.data?.readOnly &&
    a.data?.onPath === b.data?.onPath
  );
}

/**
 * The React Flow nodes and edges of the journey in the editor store. Objects whose inputs did
 * not change are reused, so React Flow re-renders only the nodes that changed (dragging one node
 * of 300 re-renders one card).
 */
export function useFlowElements(overlays: CanvasOverlays): { nodes: JourneyFlowNode[]; edges: JourneyFlowEdge[] } {
  const graph = useEditor((state) => state.graph);
  const selectedNodeIds = useEditor((state) => state.selectedNodeIds);
  const selectedEdgeIds = useEditor((state) => state.selectedEdgeIds);
  const measured = useEditor((state) => state.measured);
  const readOnly = useEditor((state) => state.readOnly);
  const problems = useProblems();
  const path = overlays.path ?? NO_PATH;
  const pathNodeIds = useMemo(() => new Set(path), [path]);
  const steps = useMemo(() => pathSteps(path), [path]);
  const nodeCache = useRef(new Map<string, JourneyFlowNode>());
  const edgeCache = useRef(new Map<string, JourneyFlowEdge>());

  const nodes = useMemo(() => {
    const selected = new Set(selectedNodeIds);
    const decorations = {
      selectedNodeIds: selected,
      measured,
      problemsByNode: problems.byNode,
      statsByNode: overlays.statsByNode,
      statsJourneyId: overlays.statsJourneyId,
      testUserNodeId: overlays.testUserNodeId,
      pathNodeIds,
      readOnly,
    };
    const cache = new Map<string, JourneyFlowNode>();
    const result = graph.nodes.map((node) => {
      const fresh = toFlowNode(node, graph, decorations);
      const previous = nodeCache.current.get(node.id);
      const chosen = previous !== undefined && sameNode(previous, fresh) ? previous : fresh;
      cache.set(node.id, chosen);
      return chosen;
    });
    nodeCache.current = cache;
    return result;
  }, [graph, selectedNodeIds, measured, problems, overlays.statsByNode, overlays.statsJourneyId, overlays.testUserNodeId, pathNodeIds, readOnly]);

  const edges = useMemo(() => {
    const selected = new Set(selectedEdgeIds);
    const decorations = { selectedEdgeIds: selected, problemsByEdge: problems.byEdge, readOnly, pathSteps: steps };
    const cache = new Map<string, JourneyFlowEdge>();
    const result = graph.edges.map((edge) => {
      const fresh = toFlowEdge(edge, decorations);
      const previous = edgeCache.current.get(edge.id);
      const chosen = previous !== undefined && sameEdge(previous, fresh) ? previous : fresh;
      cache.set(edge.id, chosen);
      return chosen;
    });
    edgeCache.current = cache;
    return result;
  }, [graph.edges, selectedEdgeIds, problems, readOnly, steps]);

  return { nodes, edges };
}
