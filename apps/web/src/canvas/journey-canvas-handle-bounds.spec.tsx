import { act, screen, waitFor } from '@testing-library/react';
import { type ReactFlowState, useStoreApi } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { type JourneyFlowEdge, type JourneyFlowNode } from '../flow-mapping/flow-types';
import { fakeLayoutInEachTest } from '../testing/fake-layout';
import { omnichannel } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { JourneyCanvas } from './JourneyCanvas';

/** A ResizeObserver whose first report of each element the test sends when it chooses (a browser sends it before the next paint). */
const pendingReports: (() => void)[] = [];
class DeferredResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    pendingReports.push(() => this.callback([{ target } as ResizeObserverEntry], this));
  }
  unobserve(): void {}
  disconnect(): void {}
}

fakeLayoutInEachTest(DeferredResizeObserver);
beforeEach(() => {
  pendingReports.length = 0;
});

let flowStore: { getState: () => ReactFlowState<JourneyFlowNode, JourneyFlowEdge> } | undefined;
function FlowStoreProbe() {
  flowStore = useStoreApi<JourneyFlowNode, JourneyFlowEdge>();
  return null;
}

describe('journey canvas: nodes re-created while React Flow measures them', () => {
  it('draws every connection when a render made before a measurement reaches React Flow after it', async () => {
    const graph = omnichannel();
    const { container } = renderInEditor(
      <>
        <JourneyCanvas overlays={{}} wrapperRef={{ current: null }} reservedRight={0} />
        <FlowStoreProbe />
      </>,
      graph,
    );
    await screen.findAllByText('Leave the journey');
    if (flowStore === undefined) throw new Error('no React Flow store');
    const store = flowStore;
    // The flow nodes as rendered before the measurement: none carries `measured` yet.
    const unmeasured = store.getState().nodes;
    expect(unmeasured.every((node) => node.measured === undefined)).toBe(true);

    act(() => {
      // React Flow measures every node (and reports the sizes to the editor store) ...
      for (const report of pendingReports.splice(0)) report();
      expect([...store.getState().nodeLookup.values()].every((node) => node.internals.handleBounds !== undefined)).toBe(true);
      // ... and before the next render, a render made earlier (new objects, e.g. new problems) hands it nodes without `measured`.
      store.getState().setNodes(unmeasured.map((node) => ({ ...node, data: { ...node.data } })));
    });

    await waitFor(() => expect([...store.getState().nodeLookup.values()].filter((node) => node.internals.handleBounds === undefined).map((node) => node.id)).toEqual([]));
    await waitFor(() => expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(graph.edges.length));
  });
});
