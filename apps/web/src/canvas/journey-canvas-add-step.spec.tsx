import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeLayoutInEachTest, MeasuringResizeObserver } from '../testing/fake-layout';
import { omnichannel } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { JourneyCanvas } from './JourneyCanvas';

/** Drags a connection from `handle` and lets it go over `releasedOn`, near no other handle. */
function dragConnection(handle: Element, releasedOn: Element): void {
  // jsdom has no elementFromPoint: the element the pointer is over is the one given.
  Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: () => releasedOn });
  fireEvent.mouseDown(handle, { button: 0, clientX: 10, clientY: 10 });
  fireEvent.mouseMove(document, { clientX: 300, clientY: 200 });
  fireEvent.mouseUp(document, { clientX: 300, clientY: 200 });
}

// React Flow starts a connection only from a handle it has measured: every element reports 100 x 60.
fakeLayoutInEachTest(MeasuringResizeObserver);
afterEach(() => {
  Reflect.deleteProperty(document, 'elementFromPoint');
});

describe('journey canvas: a connection let go on empty canvas', () => {
  async function renderCanvas(readOnly = false) {
    const rendered = renderInEditor(<JourneyCanvas overlays={{}} wrapperRef={{ current: null }} reservedRight={0} />, omnichannel(), { readOnly });
    await screen.findAllByText('Leave the journey');
    const handle = rendered.container.querySelector('.react-flow__handle[data-nodeid="push-opened"][data-handleid="no"]');
    const pane = rendered.container.querySelector('.react-flow__pane');
    if (handle === null || pane === null) throw new Error('no handle or pane');
    return { ...rendered, handle, pane };
  }

  it('offers the steps to add there and adds the one chosen, connected, as one undoable edit', async () => {
    const { store, handle, pane } = await renderCanvas();
    act(() => dragConnection(handle, pane));
    const menu = screen.getByRole('menu', { name: 'Add a step after Push opened? – No' });
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'SMS' }));
    expect(screen.queryByRole('menu')).toBeNull();
    const state = store.getState();
    expect(state.graph.edges.filter((edge) => edge.source === 'push-opened' && edge.sourceHandle === 'no').map((edge) => edge.target)).toEqual(['sms']);
    expect(state.selectedNodeIds).toEqual(['sms']);
    state.undo();
    expect(store.getState().graph).toEqual(omnichannel());
  });

  it('offers nothing when let go on a step, and closes on Escape without a change', async () => {
    const { store, handle, pane, container } = await renderCanvas();
    act(() => dragConnection(handle, container.querySelector('[data-testid="node-whatsapp"]')!));
    expect(screen.queryByRole('menu')).toBeNull();
    act(() => dragConnection(handle, pane));
    fireEvent.keyDown(screen.getByRole('menuitem', { name: 'Push' }), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(store.getState().graph).toEqual(omnichannel());
  });

  it('offers nothing in a read-only view (the live version, an archived journey)', async () => {
    const { store, handle, pane } = await renderCanvas(true);
    act(() => dragConnection(handle, pane));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(store.getState().graph).toEqual(omnichannel());
  });
});
