import { type JourneyEdge, type JourneyGraph } from '@engine/journey';
import { MarkerType } from '@xyflow/react';
import { handleTone, type HandleTone } from '../node-catalogue/handle-label';
import { type JourneyProblem } from '../validation/journey-validator';
import { JOURNEY_EDGE_TYPE, type JourneyFlowEdge } from './flow-types';

const NO_PROBLEMS: readonly JourneyProblem[] = [];

/** Arrow colours per out-handle tone (the CSS colours the line itself). */
export const EDGE_TONE_COLOUR: Record<HandleTone, string> = { yes: '#16a34a', no: '#94a3b8', neutral: '#64748b' };

export interface EdgeDecorations {
  selectedEdgeIds?: ReadonlySet<string>;
  problemsByEdge?: ReadonlyMap<string, readonly JourneyProblem[]>;
  readOnly?: boolean;
  /** Connections the simulated user went along, as `source\u0000target` pairs. */
  pathSteps?: ReadonlySet<string>;
}

/** The `source\u0000target` pairs of consecutive nodes of a path, to find the connections it took. */
export function pathSteps(path: readonly string[]): ReadonlySet<string> {
  const steps = new Set<string>();
  for (let index = 1; index < path.length; index++) steps.add(`${path[index - 1]}\u0000${path[index]}`);
  return steps;
}

/** One journey connection as a React Flow edge (from an out-handle to the node's single input). */
export function toFlowEdge(edge: JourneyEdge, decorations: EdgeDecorations = {}): JourneyFlowEdge {
  const readOnly = decorations.readOnly ?? false;
  const tone = handleTone(edge.sourceHandle);
  return {
    id: edge.id,
    type: JOURNEY_EDGE_TYPE,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    selected: decorations.selectedEdgeIds?.has(edge.id) ?? false,
    deletable: !readOnly,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: EDGE_TONE_COLOUR[tone] },
    data: {
      problems: decorations.problemsByEdge?.get(edge.id) ?? NO_PROBLEMS,
      tone,
      readOnly,
      onPath: decorations.pathSteps?.has(`${edge.source}\u0000${edge.target}`) ?? false,
    },
  };
}

export function toFlowEdges(graph: JourneyGraph, decorations: EdgeDecorations = {}): JourneyFlowEdge[] {
  return graph.edges.map((edge) => toFlowEdge(edge, decorations));
}
