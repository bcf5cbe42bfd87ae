import { type JourneyNode } from '@engine/journey';
import { type Edge, type Node } from '@xyflow/react';
import { type NodeStats } from '../api/journey-types';
import { type JourneyProblem } from '../validation/journey-validator';
import { type HandleTone } from '../node-catalogue/handle-label';

/** What a node card shows: the journey node plus everything around it. */
export type JourneyNodeView = {
  node: JourneyNode;
  /** The key setting: `Wait 4 h`, `Push opened within 4 h?`. */
  summary: string;
  problems: readonly JourneyProblem[];
  stats?: NodeStats;
  /** With live statistics: the users page listing the users at this step now. */
  usersAtStepHref?: string;
  /** The test user (or the simulated one) is at this node now. */
  testUserHere: boolean;
  /** The simulated user went through this node. */
  onPath: boolean;
  readOnly: boolean;
};

export type JourneyFlowNode = Node<JourneyNodeView, 'journey'>;

export type JourneyEdgeView = {
  problems: readonly JourneyProblem[];
  tone: HandleTone;
  readOnly: boolean;
  /** The simulated user went along this connection. */
  onPath: boolean;
};

export type JourneyFlowEdge = Edge<JourneyEdgeView, 'journey'>;

export const JOURNEY_NODE_TYPE = 'journey';
export const JOURNEY_EDGE_TYPE = 'journey';
