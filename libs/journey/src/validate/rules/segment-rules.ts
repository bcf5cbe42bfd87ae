import { collectSegmentReferences } from '../../condition/collect-segment-references';
import { graphConditions } from '../../condition/graph-conditions';
import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { goalSubject, nodeSubject } from '../wording';
import { plainProblem } from './make-problem';

/**
 * A `{ segment }` reference names a saved segment of the project (when the caller says which
 * exist): a deleted segment is "nobody is in it", which is worth a warning, not a refusal.
 */
export function segmentRules(view: JourneyGraphView): JourneyProblem[] {
  const known = view.knownSegments;
  if (known === undefined) return [];
  const nodes = view.nodes.flatMap((viewNode) => (viewNode.node === undefined ? [] : [viewNode.node]));
  return graphConditions({ nodes, settings: view.settings }).flatMap(({ condition, nodeId, field }) =>
    collectSegmentReferences(condition)
      .filter((id) => !known.includes(id))
      .map((id) => {
        const viewNode = nodeId === undefined ? undefined : view.nodeById.get(nodeId);
        const subject = viewNode !== undefined ? nodeSubject(viewNode) : goalSubject(view.settings.goals?.[goalIndex(field)] ?? { id: field });
        const problem = plainProblem('unknown-segment', `${subject}: the segment ${id} does not exist (deleted?); nobody is in it until you choose another.`, {
          field,
          severity: 'warning',
        });
        if (nodeId !== undefined) problem.nodeId = nodeId;
        return problem;
      }),
  );
}

function goalIndex(field: string): number {
  const match = /^settings\.goals\[(\d+)\]/.exec(field);
  return match === null ? -1 : Number(match[1]);
}
