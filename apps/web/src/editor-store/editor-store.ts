import {
  type CanvasPosition,
  DEFAULT_JOURNEY_SETTINGS,
  type JourneyGraph,
  type JourneyNode,
  type JourneySettings,
  type NodeType,
} from '@engine/journey';
import { type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { addNode, firstFreeHandle, positionAfter } from '../graph-editing/add-node';
import { addNodeFromHandle, type OutHandleRef } from '../graph-editing/add-node-from-handle';
import { autoLayout, type NodeSize } from '../graph-editing/auto-layout';
import { connectNodes, type JourneyConnection } from '../graph-editing/connect-nodes';
import { type ClipboardContent, copyNodes, pasteNodes } from '../graph-editing/journey-clipboard';
import { removeElements } from '../graph-editing/remove-elements';
import { moveNodes, replaceNode } from '../graph-editing/update-node';
import { type JourneyFlowEdge, type JourneyFlowNode } from '../flow-mapping/flow-types';
import { EMPTY_HISTORY, type EditHistory, recordEdit, redoEdit, undoEdit } from './edit-history';

const PASTE_OFFSET = 40;

export interface EditorState {
  graph: JourneyGraph;
  history: EditHistory;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Node sizes React Flow measured; kept so re-created flow nodes stay measured. */
  measured: Record<string, NodeSize>;
  clipboard?: ClipboardContent;
  pasteCount: number;
  readOnly: boolean;
  /** Bumped by every change except moves: validation reruns on it. */
  contentVersion: number;
  /** Bumped by every change of the graph, moves included: autosave watches it. */
  editVersion: number;
  /** A node drag is in progress (its moves are one undo step). */
  dragging: boolean;
  /** The node just added from the palette: its panel focuses its first field. */
  lastAddedNodeId?: string;
  /**
   * Asks the canvas to move its view: centre a node (`focus`), scroll just enough to show it
   * (`reveal`), or show the whole journey (`fit`). The sequence number makes repeats count.
   */
  viewRequest?: ViewRequest;

  load: (graph: JourneyGraph, options?: { readOnly?: boolean }) => void;
  setReadOnly: (readOnly: boolean) => void;
  /** Replaces the graph as one undoable edit; edits with the same `coalesceKey` in a burst merge. */
  edit(recipe: (graph: JourneyGraph) => JourneyGraph, coalesceKey?: string): void;
  updateNode: (node: JourneyNode, coalesceKey?: string) => void;
  updateSettings: (settings: JourneySettings, coalesceKey?: string) => void;
  /**
   * Puts a whole other graph in (a published version copied into the draft) as one undoable edit,
   * unlike `load`, which starts a fresh history. Clears the selection and fits the view to it.
   */
  replaceGraph: (graph: JourneyGraph) => void;
  undo: () => void;
  redo: () => void;
  applyNodeChanges: (changes: NodeChange<JourneyFlowNode>[]) => void;
  applyEdgeChanges: (changes: EdgeChange<JourneyFlowEdge>[]) => void;
  connect: (connection: JourneyConnection) => void;
  /**
   * Adds a node from the palette. With one node selected that has a free out-handle, the new node
   * goes after it, connected; otherwise at `position` (where it was dropped, or the view's centre).
   * The new node is selected, except an exit after a branch that still has open paths.
   */
  addNodeOfType: (type: NodeType, position: CanvasPosition, options?: { connectAfterSelection?: boolean }) => string | undefined;
  /**
   * Adds a node where a connection dragged from `from` was let go on empty canvas, connected to
   * it, as one undoable edit; the new node is selected (its panel opens).
   */
  addNodeFromHandle: (type: NodeType, dropPoint: CanvasPosition, from: OutHandleRef) => string | undefined;
  deleteSelection: () => void;
  copySelection: () => void;
  paste: () => void;
  layout: () => void;
  select: (nodeIds: string[], edgeIds?: string[]) => void;
  focusNode: (nodeId: string) => void;
}

export type EditorStore = StoreApi<EditorState>;

export type ViewRequest = { kind: 'focus' | 'reveal'; nodeId: string; sequence: number } | { kind: 'fit'; sequence: number };

export const EMPTY_GRAPH: JourneyGraph = { formatVersion: 1, nodes: [], edges: [], settings: DEFAULT_JOURNEY_SETTINGS };

/** Moves `position` down until no node starts within a few pixels of it (repeated adds do not stack). */
function freePosition(graph: JourneyGraph, position: CanvasPosition): CanvasPosition {
  let candidate = { x: Math.round(position.x), y: Math.round(position.y) };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const taken = graph.nodes.some((node) => Math.abs(node.position.x - candidate.x) < 24 && Math.abs(node.position.y - candidate.y) < 24);
    if (!taken) return candidate;
    candidate = { x: candidate.x + 24, y: candidate.y + 24 };
  }
  return candidate;
}

export function createEditorStore(initialGraph: JourneyGraph = EMPTY_GRAPH, options: { readOnly?: boolean } = {}): EditorStore {
  return createStore<EditorState>()((set, get) => {
    /** Installs a new graph as one edit (no-op when nothing changed or the canvas is read-only). */
    const commit = (
      next: JourneyGraph,
      extra: Partial<EditorState> = {},
      { coalesceKey, moveOnly = false, record = true }: { coalesceKey?: string; moveOnly?: boolean; record?: boolean } = {},
    ): void => {
      const state = get();
      if (state.readOnly || next === state.graph) {
        if (Object.keys(extra).length > 0) set(extra);
        return;
      }
      set({
        graph: next,
        history: record ? recordEdit(state.history, state.graph, coalesceKey, Date.now()) : state.history,
        contentVersion: moveOnly ? state.contentVersion : state.contentVersion + 1,
        editVersion: state.editVersion + 1,
        ...extra,
      });
    };

    const keepExisting = (graph: JourneyGraph, state: EditorState): Pick<EditorState, 'selectedNodeIds' | 'selectedEdgeIds'> => {
      const nodeIds = new Set(graph.nodes.map((node) => node.id));
      const edgeIds = new Set(graph.edges.map((edge) => edge.id));
      return {
        selectedNodeIds: state.selectedNodeIds.filter((id) => nodeIds.has(id)),
        selectedEdgeIds: state.selectedEdgeIds.filter((id) => edgeIds.has(id)),
      };
    };

    /** Undo or redo: the graph the history step gives, keeping what is still selected. */
    const stepThroughHistory = (step: typeof undoEdit): void => {
      const state = get();
      if (state.readOnly) return;
      const result = step(state.history, state.graph);
      if (result === undefined) return;
      set({
        graph: result.graph,
        history: result.history,
        ...keepExisting(result.graph, state),
        contentVersion: state.contentVersion + 1,
        editVersion: state.editVersion + 1,
      });
    };

    return {
      graph: initialGraph,
      history: EMPTY_HISTORY,
      selectedNodeIds: [],
      selectedEdgeIds: [],
      measured: {},
      pasteCount: 0,
      readOnly: options.readOnly ?? false,
      contentVersion: 0,
      editVersion: 0,
      dragging: false,

      load: (graph, loadOptions = {}) =>
        set((state) => ({
          graph,
          history: EMPTY_HISTORY,
          readOnly: loadOptions.readOnly ?? false,
          ...keepExisting(graph, state),
          contentVersion: state.contentVersion + 1,
          editVersion: state.editVersion,
          dragging: false,
          lastAddedNodeId: undefined,
        })),

      setReadOnly: (readOnly) => set({ readOnly }),

      edit: (recipe, coalesceKey) => commit(recipe(get().graph), {}, { coalesceKey }),

      updateNode: (node, coalesceKey) => commit(replaceNode(get().graph, node), {}, { coalesceKey }),

      updateSettings: (settings, coalesceKey) => commit({ ...get().graph, settings }, {}, { coalesceKey }),

      replaceGraph: (graph) => {
        const state = get();
        if (state.readOnly) return;
        commit(graph, {
          selectedNodeIds: [],
          selectedEdgeIds: [],
          lastAddedNodeId: undefined,
          viewRequest: { kind: 'fit', sequence: (state.viewRequest?.sequence ?? 0) + 1 },
        });
      },

      undo: () => stepThroughHistory(undoEdit),

      redo: () => stepThroughHistory(redoEdit),

      applyNodeChanges: (changes) => {
        const state = get();
        const positions = new Map<string, CanvasPosition>();
        let measured: Record<string, NodeSize> | undefined;
        let selected: Set<string> | undefined;
        let dragging = state.dragging;
        let dragEnded = false;
        for (const change of changes) {
          if (change.type === 'dimensions' && change.dimensions !== undefined) {
            const current = (measured ?? state.measured)[change.id];
            if (current?.width !== change.dimensions.width || current?.height !== change.dimensions.height) {
              measured = { ...(measured ?? state.measured), [change.id]: { width: change.dimensions.width, height: change.dimensions.height } };
            }
          } else if (change.type === 'select') {
            selected ??= new Set(state.selectedNodeIds);
            if (change.selected) selected.add(change.id);
            else selected.delete(change.id);
          } else if (change.type === 'position') {
            if (change.position !== undefined) positions.set(change.id, change.position);
            if (change.dragging === true) dragging = true;
            if (change.dragging === false) dragEnded = true;
          }
        }
        const extra: Partial<EditorState> = {};
        if (measured !== undefined) extra.measured = measured;
        if (selected !== undefined) extra.selectedNodeIds = [...selected];
        if (dragEnded) dragging = false;
        if (dragging !== state.dragging) extra.dragging = dragging;
        if (positions.size === 0 || state.readOnly) {
          if (Object.keys(extra).length > 0) set(extra);
          return;
        }
        // The first move of a drag records the graph before it; the rest of the drag joins it.
        commit(moveNodes(state.graph, positions), extra, { moveOnly: true, record: !state.dragging });
      },

      applyEdgeChanges: (changes) => {
        const state = get();
        let selected: Set<string> | undefined;
        for (const change of changes) {
          if (change.type === 'select') {
            selected ??= new Set(state.selectedEdgeIds);
            if (change.selected) selected.add(change.id);
            else selected.delete(change.id);
          }
        }
        if (selected !== undefined) set({ selectedEdgeIds: [...selected] });
      },

      connect: (connection) => commit(connectNodes(get().graph, connection)),

      addNodeOfType: (type, position, addOptions = {}) => {
        const state = get();
        if (state.readOnly) return undefined;
        const connectAfter = addOptions.connectAfterSelection ?? true;
        const source =
          connectAfter && state.selectedNodeIds.length === 1 ? state.graph.nodes.find((node) => node.id === state.selectedNodeIds[0]) : undefined;
        const handle = source === undefined ? undefined : firstFreeHandle(state.graph, source);
        const isEntry = type.startsWith('entry.');
        const after = source !== undefined && handle !== undefined && !isEntry ? { nodeId: source.id, handle } : undefined;
        const place = freePosition(state.graph, after !== undefined && source !== undefined ? positionAfter(source, after.handle) : position);
        const result = addNode(state.graph, type, { position: place, after });
        // An exit ends its path: the branch it hangs off stays selected while it has open paths,
        // so the next step added goes on its next path ("yes" -> Exit, then "no" -> Email).
        const stayOnSource =
          type === 'exit' && source !== undefined && after !== undefined && firstFreeHandle(result.graph, source) !== undefined;
        commit(result.graph, {
          selectedNodeIds: [stayOnSource ? source.id : result.nodeId],
          selectedEdgeIds: [],
          lastAddedNodeId: result.nodeId,
          viewRequest: { kind: 'reveal', nodeId: result.nodeId, sequence: (state.viewRequest?.sequence ?? 0) + 1 },
        });
        return result.nodeId;
      },

      addNodeFromHandle: (type, dropPoint, from) => {
        const state = get();
        if (state.readOnly) return undefined;
        const result = addNodeFromHandle(state.graph, type, dropPoint, from);
        if (result === undefined) return undefined;
        commit(result.graph, { selectedNodeIds: [result.nodeId], selectedEdgeIds: [], lastAddedNodeId: result.nodeId });
        return result.nodeId;
      },

      deleteSelection: () => {
        const state = get();
        if (state.selectedNodeIds.length === 0 && state.selectedEdgeIds.length === 0) return;
        commit(removeElements(state.graph, state.selectedNodeIds, state.selectedEdgeIds), { selectedNodeIds: [], selectedEdgeIds: [] });
      },

      copySelection: () => {
        const state = get();
        const clipboard = copyNodes(state.graph, state.selectedNodeIds);
        if (clipboard !== undefined) set({ clipboard, pasteCount: 0 });
      },

      paste: () => {
        const state = get();
        if (state.clipboard === undefined || state.readOnly) return;
        const step = (state.pasteCount + 1) * PASTE_OFFSET;
        const result = pasteNodes(state.graph, state.clipboard, { x: step, y: step });
        commit(result.graph, { selectedNodeIds: result.nodeIds, selectedEdgeIds: [], pasteCount: state.pasteCount + 1 });
      },

      layout: () => {
        const state = get();
        const sizes = new Map(Object.entries(state.measured));
        commit(moveNodes(state.graph, autoLayout(state.graph, sizes)), { viewRequest: { kind: 'fit', sequence: (state.viewRequest?.sequence ?? 0) + 1 } }, { moveOnly: true });
      },

      select: (nodeIds, edgeIds = []) => set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds }),

      focusNode: (nodeId) =>
        set((state) => ({
          selectedNodeIds: [nodeId],
          selectedEdgeIds: [],
          viewRequest: { kind: 'focus', nodeId, sequence: (state.viewRequest?.sequence ?? 0) + 1 },
        })),
    };
  });
}
