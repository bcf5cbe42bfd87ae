import { type NodeType } from '@engine/journey';
import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { type JourneyStats, type NodeStats } from '../api/journey-types';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { DEFAULT_NODE_SIZE } from '../graph-editing/auto-layout';
import { NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { NodePanel } from '../node-panels/NodePanel';
import { Palette } from '../palette/Palette';
import { CanvasInfoCard } from './CanvasInfoCard';
import { JourneyCanvas } from './JourneyCanvas';
import { SIDE_PANEL_WIDTH } from './side-panel-width';

interface CanvasWorkspaceProps {
  statsByNode?: ReadonlyMap<string, NodeStats>;
  /** The journey of the statistics (a node's counter links to the users at it). */
  statsJourneyId?: string;
  stats?: JourneyStats;
  testUserNodeId?: string;
  /** The nodes a simulated user went through, in order. */
  path?: readonly string[];
  onOpenSettings: () => void;
  /** Changes when another graph is shown (draft / live): the canvas starts afresh and fits it. */
  viewKey: string;
}

/** Palette, canvas, and the panel of the selected step (over the canvas's right side). */
export function CanvasWorkspace({ statsByNode, statsJourneyId, stats, testUserNodeId, path, onOpenSettings, viewKey }: CanvasWorkspaceProps) {
  const store = useEditorStoreApi();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition } = useReactFlow();
  const readOnly = useEditor((state) => state.readOnly);
  const selectedNodeId = useEditor((state) => (state.selectedNodeIds.length === 1 ? state.selectedNodeIds[0] : undefined));
  const selected = useEditor((state) => (selectedNodeId === undefined ? undefined : state.graph.nodes.find((node) => node.id === selectedNodeId)));
  const empty = useEditor((state) => state.graph.nodes.length === 0);
  // Kept here, not in the card: the card goes while a step's panel is open, and comes back folded as it was left.
  const [problemsCollapsed, setProblemsCollapsed] = useState(false);

  const addAtCentre = (type: NodeType): void => {
    const box = wrapperRef.current?.getBoundingClientRect();
    const panelWidth = selected !== undefined ? SIDE_PANEL_WIDTH : 0;
    const centre = box === undefined ? { x: 0, y: 0 } : screenToFlowPosition({ x: box.left + (box.width - panelWidth) / 2, y: box.top + box.height / 2 });
    store.getState().addNodeOfType(type, { x: centre.x - DEFAULT_NODE_SIZE.width / 2, y: centre.y - DEFAULT_NODE_SIZE.height / 2 });
  };

  return (
    <div className={readOnly ? 'canvas-workspace canvas-workspace--read-only' : 'canvas-workspace'}>
      {!readOnly && (
        <Palette onAdd={addAtCentre} disabled={readOnly} connectAfter={selected !== undefined && selected.type !== 'exit' ? selected.label?.trim() || NODE_TYPE_INFO[selected.type].title : undefined} />
      )}
      <div className="canvas-workspace__stage">
        {empty && !readOnly && (
          <div className="canvas-empty">
            <p className="canvas-empty__title">Start with an entry</p>
            <p>How do users get in? Drag “Entry on event” from the left onto the canvas, or click it.</p>
            <button type="button" className="button button--primary" onClick={() => addAtCentre('entry.event')}>
              Add an entry on an event
            </button>
          </div>
        )}
        <JourneyCanvas key={viewKey} overlays={{ statsByNode, statsJourneyId, testUserNodeId, path }} wrapperRef={wrapperRef} reservedRight={selected !== undefined ? SIDE_PANEL_WIDTH : 0} />
        {selectedNodeId !== undefined ? (
          <div className="canvas-workspace__side">
            <NodePanel key={selectedNodeId} nodeId={selectedNodeId} />
          </div>
        ) : (
          <CanvasInfoCard stats={stats} readOnly={readOnly} onOpenSettings={onOpenSettings} collapsed={problemsCollapsed} onCollapsedChange={setProblemsCollapsed} />
        )}
      </div>
    </div>
  );
}
