import { isWaitingNode } from '../../format/out-handles';
import { stronglyConnectedComponents } from '../graph/strongly-connected-components';
import { type JourneyGraphView, type ViewNode } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { listInWords, nodeName } from '../wording';
import { nodeProblem } from './make-problem';

/**
 * Every loop passes through a step where time passes. A loop of sends and branches alone would
 * run a user round it forever within one event.
 */
export function cycleRules(view: JourneyGraphView): JourneyProblem[] {
  const instant = [...view.nodeById.values()].filter((node) => !mayWait(node));
  const components = stronglyConnectedComponents(
    instant.map((node) => node.id),
    view.successors,
  );
  const problems: JourneyProblem[] = [];
  for (const component of components) {
    const [first] = component;
    const selfLoop = component.length === 1 && (view.successors.get(first) ?? []).includes(first);
    if (component.length < 2 && !selfLoop) continue;
    const node = view.nodeById.get(first)!;
    const loop = selfLoop
      ? 'it leads back to itself with no wait in between'
      : `the loop through ${listInWords(component.map((id) => nodeName(view.nodeById.get(id)!)))} has no wait in it`;
    problems.push(
      nodeProblem(
        node,
        'cycle-without-wait',
        `${loop}, so a user would go round it forever. Add a wait step (delay, wait for event, engagement check or WhatsApp reply) to the loop.`,
      ),
    );
  }
  return problems.sort((a, b) => view.nodeById.get(a.nodeId!)!.index - view.nodeById.get(b.nodeId!)!.index);
}

/** A node where time may pass; nodes whose data is unknown get the benefit of the doubt. */
function mayWait(node: ViewNode): boolean {
  if (node.node !== undefined) return isWaitingNode(node.node);
  return node.type === undefined || node.type === 'send.whatsapp' || node.type.startsWith('wait.') || node.type === 'branch.engagement';
}
