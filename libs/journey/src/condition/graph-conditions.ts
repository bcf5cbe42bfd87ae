import { type Condition } from './condition';
import { type JourneyNode, type JourneySettings } from '../format/journey-graph';

/**
 * Every condition a journey evaluates against users (entry filters, segments, condition branches,
 * wait-for-event branches, goals), each with the path of the node or setting that holds it.
 */
export function graphConditions(graph: { nodes?: readonly JourneyNode[]; settings?: Partial<JourneySettings> }): Array<{ condition: Condition; nodeId?: string; field: string }> {
  const found: Array<{ condition: Condition; nodeId?: string; field: string }> = [];
  const add = (condition: Condition | undefined, field: string, nodeId?: string): void => {
    if (condition !== undefined) found.push({ condition, field, ...(nodeId === undefined ? {} : { nodeId }) });
  };
  for (const node of graph.nodes ?? []) {
    switch (node.type) {
      case 'entry.event':
        add(node.data?.where, 'data.where', node.id);
        break;
      case 'entry.segment':
        add(node.data?.segment, 'data.segment', node.id);
        break;
      case 'branch.condition':
        add(node.data?.condition, 'data.condition', node.id);
        break;
      case 'wait.event':
        (node.data?.branches ?? []).forEach((branch, branchIndex) => {
          (branch.events ?? []).forEach((match, matchIndex) => add(match.where, `data.branches[${branchIndex}].events[${matchIndex}].where`, node.id));
        });
        break;
      default:
        break;
    }
  }
  (graph.settings?.goals ?? []).forEach((goal, index) => add(goal.where, `settings.goals[${index}].where`));
  return found;
}
