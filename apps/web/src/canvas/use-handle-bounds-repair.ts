import { useStoreApi, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect } from 'react';
import { type JourneyFlowEdge, type JourneyFlowNode } from '../flow-mapping/flow-types';

/**
 * Re-measures the nodes React Flow holds as sized but without handle bounds, which it would
 * otherwise keep that way: it draws no edge from or to such a node, and starts no connection from it.
 *
 * How a node gets there: React Flow measures a new node (its ResizeObserver fires before the next
 * paint) while a render made before that measurement, with the node's flow object not yet carrying
 * `measured` (here: the deferred validation's render, which gives the new node its problems), is
 * still to hand its nodes to React Flow. React Flow takes a node without `measured` as
 * re-initialised and drops its size and handle bounds; the next render brings the size back from
 * the editor store (`measured`) but not the bounds. Its node wrapper re-observes the node only when
 * it has rendered the node as measured in between, which it had not, so nothing measures it again.
 *
 * Call it in the component that renders `<ReactFlow nodes={nodes}>`: its effects run after React
 * Flow has taken `nodes`. Only the nodes in that state are re-measured (usually none).
 */
export function useHandleBoundsRepair(nodes: readonly JourneyFlowNode[]): void {
  const flowStore = useStoreApi<JourneyFlowNode, JourneyFlowEdge>();
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    const { nodeLookup } = flowStore.getState();
    const stale: string[] = [];
    for (const node of nodes) {
      if (node.measured === undefined) continue;
      const internal = nodeLookup.get(node.id);
      if (internal !== undefined && !internal.hidden && internal.internals.handleBounds === undefined) stale.push(node.id);
    }
    if (stale.length > 0) updateNodeInternals(stale);
  }, [nodes, flowStore, updateNodeInternals]);
}
