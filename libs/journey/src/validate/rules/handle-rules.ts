import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { handlePhrase } from '../wording';
import { nodeProblem } from './make-problem';

/** Every out-handle of a node is connected: a user must always have a next step. */
export function handleRules(view: JourneyGraphView): JourneyProblem[] {
  const connected = new Set(view.edges.map((edge) => JSON.stringify([edge.source, edge.sourceHandle])));
  const problems: JourneyProblem[] = [];
  for (const node of view.nodeById.values()) {
    for (const handle of node.handles ?? []) {
      if (connected.has(JSON.stringify([node.id, handle]))) continue;
      problems.push(
        nodeProblem(node, 'unconnected-handle', `${handlePhrase(node.node, handle)} is not connected; connect it to the next step (or to an Exit).`),
      );
    }
  }
  return problems;
}
