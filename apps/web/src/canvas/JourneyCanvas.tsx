import { type CanvasPosition, type JourneyEdge, type JourneyGraph, type NodeType } from '@engine/journey';
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeTypes,
  type IsValidConnection,
  MiniMap,
  type NodeTypes,
  type OnConnectEnd,
  type OnMove,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { type JourneyFlowEdge, type JourneyFlowNode } from '../flow-mapping/flow-types';
import { type OutHandleRef } from '../graph-editing/add-node-from-handle';
import { DEFAULT_NODE_SIZE } from '../graph-editing/auto-layout';
import { canConnect } from '../graph-editing/connect-nodes';
import { describeOutHandle } from '../node-catalogue/handle-label';
import { stepTitle } from '../node-catalogue/step-name';
import { GROUP_ACCENT, NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { readDraggedNodeType } from '../palette/palette-drag';
import { AddStepMenu } from './AddStepMenu';
import { FarViewTiles } from './FarViewTiles';
import { JourneyEdgePath } from './JourneyEdgePath';
import { JourneyNodeCard } from './JourneyNodeCard';
import { SIDE_PANEL_WIDTH } from './side-panel-width';
import { type CanvasOverlays, useFlowElements } from './use-flow-elements';
import { useHandleBoundsRepair } from './use-handle-bounds-repair';

const NODE_TYPES: NodeTypes = { journey: JourneyNodeCard };
const EDGE_TYPES: EdgeTypes = { journey: JourneyEdgePath };
const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1 };
/** Below this zoom a card's text is too small to read: cards are drawn as coloured tiles. */
export const FAR_ZOOM = 0.4;

function minimapColour(node: JourneyFlowNode): string {
  return GROUP_ACCENT[NODE_TYPE_INFO[node.data.node.type].group];
}

/** A connection let go on empty canvas: the menu to add a step there is open. */
interface ConnectionDrop {
  from: OutHandleRef;
  /** Where it was let go, on the canvas (flow coordinates) and in pixels from the canvas's corner. */
  point: CanvasPosition;
  menuAt: { x: number; y: number };
}

/** The React Flow canvas of the journey in the editor store. */
interface JourneyCanvasProps {
  overlays: CanvasOverlays;
  wrapperRef: RefObject<HTMLDivElement | null>;
  /** Pixels on the right covered by the step panel: a selected step is kept out from under it. */
  reservedRight: number;
}

export function JourneyCanvas({ overlays, wrapperRef, reservedRight }: JourneyCanvasProps) {
  const store = useEditorStoreApi();
  const { nodes, edges } = useFlowElements(overlays);
  useHandleBoundsRepair(nodes);
  const readOnly = useEditor((state) => state.readOnly);
  // Re-renders only when the zoom crosses FAR_ZOOM, not on every frame of a zoom.
  const far = useStore((state) => state.transform[2] < FAR_ZOOM);
  const viewRequest = useEditor((state) => state.viewRequest);
  const { screenToFlowPosition, setCenter, getNode, fitView, getViewport, setViewport } = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const selectedNodeId = useEditor((state) => (state.selectedNodeIds.length === 1 ? state.selectedNodeIds[0] : undefined));

  // A selected step slides out from under the panel that opens over the canvas's right side.
  useEffect(() => {
    if (selectedNodeId === undefined || reservedRight === 0) return;
    const node = getNode(selectedNodeId);
    const width = wrapperRef.current?.clientWidth;
    if (node === undefined || width === undefined) return;
    const viewport = getViewport();
    const left = node.position.x * viewport.zoom + viewport.x;
    const right = left + (node.measured?.width ?? DEFAULT_NODE_SIZE.width) * viewport.zoom;
    const limit = width - reservedRight - 32;
    const shift = left < 32 ? 32 - left : right > limit ? Math.max(limit - right, 32 - left) : 0;
    if (shift !== 0) void setViewport({ ...viewport, x: viewport.x + shift }, { duration: 200 });
  }, [selectedNodeId, reservedRight, getNode, getViewport, setViewport, wrapperRef]);
  const nodesInitialized = useNodesInitialized();
  const fittedStore = useRef<unknown>(undefined);

  // Show the whole journey once its nodes are measured, and again when the view switches (draft / live).
  useEffect(() => {
    if (!nodesInitialized || fittedStore.current === store) return;
    fittedStore.current = store;
    const frame = window.requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    return () => window.cancelAnimationFrame(frame);
  }, [nodesInitialized, store, fitView]);

  useEffect(() => {
    if (viewRequest === undefined) return;
    if (viewRequest.kind === 'fit') {
      const frame = window.requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
      return () => window.cancelAnimationFrame(frame);
    }
    const node = getNode(viewRequest.nodeId);
    if (node === undefined) return;
    const width = node.measured?.width ?? DEFAULT_NODE_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_NODE_SIZE.height;
    // The step panel covers the right of the canvas when a step is selected: centre in what is left.
    const freeWidth = (wrapperRef.current?.clientWidth ?? 0) - SIDE_PANEL_WIDTH;
    const freeHeight = wrapperRef.current?.clientHeight ?? 0;
    const viewport = getViewport();
    if (viewRequest.kind === 'reveal') {
      const left = node.position.x * viewport.zoom + viewport.x;
      const top = node.position.y * viewport.zoom + viewport.y;
      const visible = left >= 16 && top >= 16 && left + width * viewport.zoom <= freeWidth - 16 && top + height * viewport.zoom <= freeHeight - 16;
      if (visible) return;
    }
    const zoom = viewRequest.kind === 'focus' ? Math.max(viewport.zoom, 0.9) : viewport.zoom;
    void setCenter(node.position.x + width / 2 + SIDE_PANEL_WIDTH / 2 / zoom, node.position.y + height / 2, { zoom, duration: 300 });
    return undefined;
  }, [viewRequest, getNode, getViewport, setCenter, fitView, wrapperRef]);

  const isValidConnection = useCallback<IsValidConnection<JourneyFlowEdge>>(
    (connection) =>
      canConnect(store.getState().graph, {
        source: connection.source,
        sourceHandle: connection.sourceHandle ?? 'next',
        target: connection.target,
      }),
    [store],
  );

  // Each out-handle leads to one step: a new connection from a connected one moves it, and says so
  // until the next edit (Undo puts the old connection back).
  const [moved, setMoved] = useState<{ text: string; graph: JourneyGraph }>();
  const onConnect = useCallback(
    (connection: Connection) => {
      const sourceHandle = connection.sourceHandle ?? 'next';
      const before = store.getState().graph;
      const old = before.edges.find((edge) => edge.source === connection.source && edge.sourceHandle === sourceHandle);
      store.getState().connect({ source: connection.source, sourceHandle, target: connection.target });
      const after = store.getState().graph;
      setMoved(old === undefined || old.target === connection.target || after === before ? undefined : { text: movedConnectionText(before, old, connection.target), graph: after });
    },
    [store],
  );
  const currentGraph = useEditor((state) => state.graph);
  const movedNotice = moved !== undefined && moved.graph === currentGraph ? moved.text : undefined;

  const [drop, setDrop] = useState<ConnectionDrop>();
  const dropSource = useEditor((state) => (drop === undefined ? undefined : state.graph.nodes.find((node) => node.id === drop.from.nodeId)));
  const closeDropMenu = useCallback(() => setDrop(undefined), []);

  // A connection from an out-handle let go on no step and no handle: offer to add a step there.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, connection) => {
      if (readOnly || connection.fromNode === null || connection.fromHandle.type !== 'source' || connection.toNode !== null || connection.isValid === true) return;
      const { clientX, clientY } = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (document.elementFromPoint(clientX, clientY)?.closest('.react-flow__node')) return;
      const box = wrapperRef.current?.getBoundingClientRect();
      setDrop({
        from: { nodeId: connection.fromNode.id, handle: connection.fromHandle.id ?? 'next' },
        point: screenToFlowPosition({ x: clientX, y: clientY }),
        menuAt: { x: clientX - (box?.left ?? 0), y: clientY - (box?.top ?? 0) },
      });
    },
    [readOnly, screenToFlowPosition, wrapperRef],
  );

  const addAtDrop = (type: NodeType): void => {
    if (drop !== undefined) store.getState().addNodeFromHandle(type, drop.point, drop.from);
    setDrop(undefined);
  };

  // While the view pans or zooms nothing on the canvas can be hovered or clicked, so take the
  // steps and connections out of hit testing: with hundreds of SVG connections, testing every
  // pointer move against their strokes was most of each frame. A class on the wrapper, not state,
  // so starting a pan re-renders nothing. The user moving the view also closes the add-a-step
  // menu: the point it was opened at moves away.
  const onMoveStart = useCallback<OnMove>(
    (event) => {
      wrapperRef.current?.classList.add('journey-canvas--moving');
      if (event) setDrop(undefined);
    },
    [wrapperRef],
  );
  const onMoveEnd = useCallback(() => wrapperRef.current?.classList.remove('journey-canvas--moving'), [wrapperRef]);

  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    const type = readDraggedNodeType(event.dataTransfer);
    if (type === undefined) return;
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    store.getState().addNodeOfType(
      type,
      { x: point.x - DEFAULT_NODE_SIZE.width / 2, y: point.y - DEFAULT_NODE_SIZE.height / 2 },
      { connectAfterSelection: false },
    );
  };

  return (
    <div className={far ? 'journey-canvas journey-canvas--far' : 'journey-canvas'} ref={wrapperRef} onDrop={onDrop} onDragOver={onDragOver}>
      <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={(changes) => store.getState().applyNodeChanges(changes)}
        onEdgesChange={(changes) => store.getState().applyEdgeChanges(changes)}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        onlyRenderVisibleElements={!far}
        minZoom={0.1}
        maxZoom={2}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter or Space to select this step. Use the arrow keys to move it.' }}
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} color="#cfd6e4" />
        <Controls showInteractive={false} aria-label="Zoom controls" position="bottom-left" />
        {far && <FarViewTiles />}
        <MiniMap<JourneyFlowNode> pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} ariaLabel="Overview of the journey" position="bottom-left" className="journey-minimap" style={{ width: 168, height: 104 }} />
      </ReactFlow>
      {movedNotice !== undefined && (
        <div className="canvas-notice" role="status">
          <span>{movedNotice}</span>
          <button type="button" className="link-button" onClick={() => store.getState().undo()}>
            Undo
          </button>
        </div>
      )}
      {drop !== undefined && dropSource !== undefined && !readOnly && (
        <AddStepMenu after={describeOutHandle(dropSource, drop.from.handle)} at={drop.menuAt} onChoose={addAtDrop} onClose={closeDropMenu} />
      )}
    </div>
  );
}

/** `The “No” path of “Push opened?” now leads to WhatsApp instead of Email.` */
function movedConnectionText(graph: JourneyGraph, old: JourneyEdge, newTarget: string): string {
  const source = graph.nodes.find((node) => node.id === old.source);
  const name = (nodeId: string): string => {
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    return node === undefined ? 'a deleted step' : stepTitle(node);
  };
  return `${source === undefined ? 'The connection' : describeOutHandle(source, old.sourceHandle)} now leads to ${name(newTarget)} instead of ${name(old.target)}.`;
}
