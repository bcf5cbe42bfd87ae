import { type JourneyGraph, type JourneyNode } from '@engine/journey';
import { type NodeStats } from '../api/journey-types';
import { type NodeSize } from '../graph-editing/auto-layout';
import { NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { routePaths } from '../routing/app-route';
import { nodeSummary } from '../node-catalogue/node-summary';
import { type JourneyProblem } from '../validation/journey-validator';
import { JOURNEY_NODE_TYPE, type JourneyFlowNode } from './flow-types';

const NO_PROBLEMS: readonly JourneyProblem[] = [];

/** Everything besides the graph that decides how nodes look. */
export interface NodeDecorations {
  selectedNodeIds?: ReadonlySet<string>;
  measured?: Readonly<Record<string, NodeSize>>;
  problemsByNode?: ReadonlyMap<string, readonly JourneyProblem[]>;
  statsByNode?: ReadonlyMap<string, NodeStats>;
  /** The journey the statistics are of (nodes then link to the users at them). */
  statsJourneyId?: string;
  testUserNodeId?: string;
  /** Nodes the simulated user went through. */
  pathNodeIds?: ReadonlySet<string>;
  readOnly?: boolean;
}

/** One journey node as a React Flow node. */
export function toFlowNode(node: JourneyNode, graph: JourneyGraph, decorations: NodeDecorations = {}): JourneyFlowNode {
  const readOnly = decorations.readOnly ?? false;
  const measured = decorations.measured?.[node.id];
  const summary = nodeSummary(node, graph);
  return {
    id: node.id,
    type: JOURNEY_NODE_TYPE,
    position: { x: node.position.x, y: node.position.y },
    selected: decorations.selectedNodeIds?.has(node.id) ?? false,
    draggable: !readOnly,
    connectable: !readOnly,
    deletable: !readOnly,
    ariaLabel: `${NODE_TYPE_INFO[node.type].title}${node.label?.trim() ? ` “${node.label.trim()}”` : ''}: ${summary}`,
    ...(measured !== undefined ? { measured: { width: measured.width, height: measured.height } } : {}),
    data: {
      node,
      summary,
      problems: decorations.problemsByNode?.get(node.id) ?? NO_PROBLEMS,
      stats: decorations.statsByNode?.get(node.id),
      usersAtStepHref:
        decorations.statsJourneyId !== undefined && decorations.statsByNode?.has(node.id) ? routePaths.users({ journeyId: decorations.statsJourneyId, nodeId: node.id }) : undefined,
      testUserHere: decorations.testUserNodeId === node.id,
      onPath: decorations.pathNodeIds?.has(node.id) ?? false,
      readOnly,
    },
  };
}

export function toFlowNodes(graph: JourneyGraph, decorations: NodeDecorations = {}): JourneyFlowNode[] {
  return graph.nodes.map((node) => toFlowNode(node, graph, decorations));
}
