import { act, screen } from '@testing-library/react';
import { useReactFlow } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { omnichannel } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { FAR_ZOOM, JourneyCanvas } from './JourneyCanvas';

let setZoom: (zoom: number) => Promise<boolean> = () => Promise.resolve(false);

/** Lets the test move React Flow's viewport as a wheel or the zoom buttons would. */
function ZoomHandle() {
  const { setViewport } = useReactFlow();
  setZoom = (zoom) => setViewport({ x: 0, y: 0, zoom });
  return null;
}

describe('journey canvas zoom', () => {
  it('draws cards as tiles (text hidden, size kept) below FAR_ZOOM and as full cards above it', async () => {
    const { container } = renderInEditor(
      <>
        <ZoomHandle />
        <JourneyCanvas overlays={{}} wrapperRef={{ current: null }} reservedRight={0} />
      </>,
      omnichannel(),
    );
    await screen.findAllByText('Leave the journey');
    const wrapper = container.querySelector('.journey-canvas')!;
    await act(() => setZoom(FAR_ZOOM - 0.05));
    expect(wrapper.classList.contains('journey-canvas--far')).toBe(true);
    // Every card is still there (hidden text keeps the cards' measured sizes and the connections).
    expect(container.querySelectorAll('.node-card')).toHaveLength(omnichannel().nodes.length);
    // ...and each has its tile in the one SVG drawn instead of the cards while the view moves.
    const tiles = [...container.querySelectorAll('.far-view-tiles rect')];
    expect(tiles).toHaveLength(omnichannel().nodes.length);
    expect(tiles.filter((tile) => tile.classList.contains('far-view-tiles__tile--entries'))).toHaveLength(1);
    await act(() => setZoom(1));
    expect(wrapper.classList.contains('journey-canvas--far')).toBe(false);
    expect(container.querySelector('.far-view-tiles')).toBeNull();
  });
});
