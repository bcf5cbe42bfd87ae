import { type JourneyNode, type JourneySettings } from '../format/journey-graph';
import { isEntryNodeType, isNodeType, type NodeType } from '../format/node-types';
import { outHandles } from '../format/out-handles';
import { type StructureReport } from './structure/check-structure';

/** A node the graph rules can place: it has a usable id. */
export interface ViewNode {
  /** Position in the input `nodes` array. */
  index: number;
  id: string;
  /** Undefined when the type is not in the catalogue. */
  type?: NodeType;
  label?: string;
  /** The node itself when its data passed its DTO: rules may then read `data` as typed. */
  node?: JourneyNode;
  /** Its out-handles, when its data is known (handles depend on data). */
  handles?: string[];
}

/** An edge with string id, source, handle and target (its nodes may not exist). */
export interface ViewEdge {
  index: number;
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

/**
 * The well-formed parts of a journey, for the graph rules. Broken parts are left out (their
 * structural problems are already reported), so rules never meet wrongly typed values.
 */
export interface JourneyGraphView {
  /** Nodes with a usable id, in input order (duplicates included). */
  nodes: ViewNode[];
  /** The first node of each id. */
  nodeById: ReadonlyMap<string, ViewNode>;
  /** Edges with string fields, in input order (dangling ones included). */
  edges: ViewEdge[];
  /** The settings sections that passed their DTOs. */
  settings: Partial<JourneySettings>;
  /** Custom event names known to the workspace, when the caller supplied them. */
  knownEvents?: readonly string[];
  /** Ids of the project's saved segments, when the caller supplied them. */
  knownSegments?: readonly string[];
  /** The first node of each entry id. */
  entries: ViewNode[];
  /**
   * Edges a user can travel: both ends exist and the handle is one the source has (or the
   * source's handles are unknown because its data is broken).
   */
  flowEdges: ViewEdge[];
  /** Targets of `flowEdges` per source id. */
  successors: ReadonlyMap<string, string[]>;
}

export function buildGraphView(
  graph: Record<string, unknown>,
  structure: StructureReport,
  knownEvents: readonly string[] | undefined,
  knownSegments?: readonly string[],
): JourneyGraphView {
  const nodes = (Array.isArray(graph.nodes) ? (graph.nodes as unknown[]) : []).flatMap((raw, index) => {
    const node = viewNode(raw, index, structure.nodesWithValidData.has(index));
    return node === undefined ? [] : [node];
  });
  const nodeById = new Map<string, ViewNode>();
  for (const node of nodes) if (!nodeById.has(node.id)) nodeById.set(node.id, node);

  const edges = (Array.isArray(graph.edges) ? (graph.edges as unknown[]) : []).flatMap((raw, index) => {
    const edge = viewEdge(raw, index);
    return edge === undefined ? [] : [edge];
  });
  const flowEdges = edges.filter((edge) => {
    const source = nodeById.get(edge.source);
    if (source === undefined || !nodeById.has(edge.target)) return false;
    return source.handles === undefined || source.handles.includes(edge.sourceHandle);
  });
  const successors = new Map<string, string[]>();
  for (const edge of flowEdges) {
    const targets = successors.get(edge.source) ?? [];
    targets.push(edge.target);
    successors.set(edge.source, targets);
  }

  return {
    nodes,
    nodeById,
    edges,
    settings: wellFormedSettings(graph.settings, structure.wellFormedSettings),
    knownEvents: Array.isArray(knownEvents) ? knownEvents : undefined,
    knownSegments: Array.isArray(knownSegments) ? knownSegments : undefined,
    entries: [...nodeById.values()].filter((node) => node.type !== undefined && isEntryNodeType(node.type)),
    flowEdges,
    successors,
  };
}

function viewNode(raw: unknown, index: number, dataValid: boolean): ViewNode | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return undefined;
  const type = typeof raw.type === 'string' && isNodeType(raw.type) ? raw.type : undefined;
  const view: ViewNode = { index, id: raw.id, type };
  if (typeof raw.label === 'string') view.label = raw.label;
  if (dataValid && type !== undefined) {
    const node = raw as unknown as JourneyNode;
    view.node = node;
    view.handles = outHandles(node);
  }
  return view;
}

function viewEdge(raw: unknown, index: number): ViewEdge | undefined {
  if (!isRecord(raw)) return undefined;
  const { id, source, sourceHandle, target } = raw;
  if (typeof id !== 'string' || typeof source !== 'string' || typeof sourceHandle !== 'string' || typeof target !== 'string') {
    return undefined;
  }
  return { index, id, source, sourceHandle, target };
}

function wellFormedSettings(settings: unknown, sections: ReadonlySet<string>): Partial<JourneySettings> {
  if (!isRecord(settings)) return {};
  const picked: Record<string, unknown> = {};
  for (const section of sections) {
    if (settings[section] !== undefined) picked[section] = settings[section];
  }
  // Every picked section passed its DTO, so it has its declared shape.
  return picked;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
