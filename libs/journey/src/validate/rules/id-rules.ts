import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { edgeSubject } from '../wording';
import { nodeProblem, plainProblem } from './make-problem';

/** Node ids and edge ids are unique: connections and the compiled machine refer to them. */
export function idRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const nodeIds = new Set<string>();
  for (const node of view.nodes) {
    if (nodeIds.has(node.id)) {
      problems.push(
        nodeProblem(node, 'duplicate-node-id', `another node already uses the id "${node.id}"; every node needs its own id.`, {
          field: 'id',
        }),
      );
    }
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of view.edges) {
    if (edgeIds.has(edge.id)) {
      problems.push(
        plainProblem('duplicate-edge-id', `${edgeSubject(edge.id)}: another connection already uses this id; every connection needs its own id.`, {
          edgeId: edge.id,
          field: 'id',
        }),
      );
    }
    edgeIds.add(edge.id);
  }
  return problems;
}
