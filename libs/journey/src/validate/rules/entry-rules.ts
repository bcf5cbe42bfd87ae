import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { nodeName } from '../wording';
import { nodeProblem, plainProblem } from './make-problem';

/** A journey has an entry, and nothing leads back into an entry. */
export function entryRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  if (view.entries.length === 0) {
    problems.push(
      plainProblem('no-entry-node', 'The journey has no entry node: add an entry (event, segment or API) so users can start.'),
    );
  }
  for (const edge of view.edges) {
    const entry = view.entries.find((candidate) => candidate.id === edge.target);
    if (entry === undefined) continue;
    const source = view.nodeById.get(edge.source);
    const from = source === undefined ? '' : ` from ${nodeName(source)}`;
    problems.push(
      nodeProblem(entry, 'entry-has-incoming-edge', `users can only start at an entry, but connection "${edge.id}"${from} leads into it. Remove that connection.`, {
        edgeId: edge.id,
      }),
    );
  }
  return problems;
}
