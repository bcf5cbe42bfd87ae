import { useNodes, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { type JourneyFlowNode } from '../flow-mapping/flow-types';
import { DEFAULT_NODE_SIZE } from '../graph-editing/auto-layout';
import { NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';

/**
 * Far out, while the view moves, the steps are drawn as rectangles of one SVG instead of hundreds of
 * positioned cards: Chromium re-layerizes the page on every frame of a pan, at a cost that grows with
 * the painted elements that have their own transform (each card, each handle). One SVG is one.
 * Shown only while moving (CSS), so the cards stay clickable when the view is still.
 */
export const FarViewTiles = memo(function FarViewTiles() {
  const nodes = useNodes<JourneyFlowNode>();
  return (
    <ViewportPortal>
      <svg className="far-view-tiles" width={1} height={1} aria-hidden="true" focusable="false">
        {nodes.map((node) => (
          <rect
            key={node.id}
            className={`far-view-tiles__tile far-view-tiles__tile--${NODE_TYPE_INFO[node.data.node.type].group}`}
            x={node.position.x}
            y={node.position.y}
            width={node.measured?.width ?? DEFAULT_NODE_SIZE.width}
            height={node.measured?.height ?? DEFAULT_NODE_SIZE.height}
            rx={12}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
});
