import { type JourneyGraphView, type ViewEdge } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { edgeSubject, handlePhrase, nodeName } from '../wording';
import { nodeProblem, plainProblem } from './make-problem';

/**
 * Connections join existing nodes, start from a path their source has, and each path leads to
 * one place.
 */
export function edgeRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const seenExact = new Map<string, ViewEdge>();
  const firstFromHandle = new Map<string, ViewEdge>();
  for (const edge of view.edges) {
    const source = view.nodeById.get(edge.source);
    const target = view.nodeById.get(edge.target);
    if (source === undefined) {
      problems.push(
        plainProblem('dangling-edge', `${edgeSubject(edge.id)} starts at node "${edge.source}", which does not exist.`, {
          edgeId: edge.id,
          field: 'source',
        }),
      );
    }
    if (target === undefined) {
      problems.push(
        plainProblem('dangling-edge', `${edgeSubject(edge.id)} leads to node "${edge.target}", which does not exist.`, {
          edgeId: edge.id,
          field: 'target',
        }),
      );
    }
    if (source === undefined) continue;
    const handle = handlePhrase(source.node, edge.sourceHandle);
    if (source.handles !== undefined && !source.handles.includes(edge.sourceHandle)) {
      problems.push(
        nodeProblem(source, 'unknown-handle', `connection "${edge.id}" starts from ${handle}, which this node does not have.`, {
          edgeId: edge.id,
          field: 'sourceHandle',
        }),
      );
    }
    const exactKey = JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
    const twin = seenExact.get(exactKey);
    if (twin !== undefined) {
      problems.push(
        plainProblem(
          'duplicate-edge',
          `${edgeSubject(edge.id)} repeats connection "${twin.id}": both join ${handle} of ${nodeName(source)} to ${target === undefined ? `"${edge.target}"` : nodeName(target)}. Remove one of them.`,
          { edgeId: edge.id },
        ),
      );
      continue;
    }
    seenExact.set(exactKey, edge);
    const handleKey = JSON.stringify([edge.source, edge.sourceHandle]);
    const first = firstFromHandle.get(handleKey);
    if (first === undefined) {
      firstFromHandle.set(handleKey, edge);
      continue;
    }
    problems.push(
      nodeProblem(
        source,
        'handle-has-several-edges',
        `${handle} already leads to ${targetName(view, first.target)}, so connection "${edge.id}" to ${targetName(view, edge.target)} is one too many: a path leads to one step.`,
        { edgeId: edge.id },
      ),
    );
  }
  return problems;
}

function targetName(view: JourneyGraphView, id: string): string {
  const node = view.nodeById.get(id);
  return node === undefined ? `"${id}"` : nodeName(node);
}
