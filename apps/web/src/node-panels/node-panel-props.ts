import { type JourneyGraph, type NodeDataByType, type NodeOfType, type NodeType } from '@engine/journey';
import { type JourneyProblem } from '../validation/journey-validator';

/** What every node form gets. */
export interface NodePanelProps<T extends NodeType> {
  node: NodeOfType<T>;
  /** Replaces the node's data; `field` names what changed, so typing in one field undoes as one step. */
  onChange: (data: NodeDataByType[T], field: string) => void;
  /** The validator's problems about this node (forms show each under its field). */
  problems: readonly JourneyProblem[];
  graph: JourneyGraph;
}
