import { isEntryNodeType } from '../../format/node-types';
import { reachableFrom } from '../graph/reachable';
import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { nodeProblem } from './make-problem';

/** Every node can be reached from an entry (without an entry, `no-entry-node` says it all). */
export function reachabilityRules(view: JourneyGraphView): JourneyProblem[] {
  if (view.entries.length === 0) return [];
  const reached = reachableFrom(
    view.entries.map((entry) => entry.id),
    view.successors,
  );
  const problems: JourneyProblem[] = [];
  for (const node of view.nodeById.values()) {
    if (reached.has(node.id) || (node.type !== undefined && isEntryNodeType(node.type))) continue;
    problems.push(nodeProblem(node, 'unreachable-node', 'no path from an entry leads here, so no user will ever reach this step.'));
  }
  return problems;
}
