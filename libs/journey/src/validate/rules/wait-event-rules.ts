import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { labelOrId } from '../wording';
import { nodeProblem } from './make-problem';

/** A wait for event has branches with distinct ids, each listing at least one event. */
export function waitEventRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  for (const wait of view.nodes) {
    if (wait.node?.type !== 'wait.event') continue;
    const { branches } = wait.node.data;
    if (branches.length === 0) {
      problems.push(
        nodeProblem(wait, 'wait-event-no-branches', 'it waits for no event: add at least one event branch.', { field: 'data.branches' }),
      );
    }
    const ids = new Set<string>();
    branches.forEach((branch, index) => {
      if (branch.id === 'timeout') {
        problems.push(
          nodeProblem(wait, 'wait-event-reserved-branch-id', 'the branch id "timeout" is reserved for the timeout path; choose another id.', {
            field: `data.branches[${index}].id`,
          }),
        );
      } else if (ids.has(branch.id)) {
        problems.push(
          nodeProblem(wait, 'wait-event-duplicate-branch-id', `two branches use the id "${branch.id}"; each branch needs its own id.`, {
            field: `data.branches[${index}].id`,
          }),
        );
      }
      ids.add(branch.id);
      if (branch.events.length === 0) {
        problems.push(
          nodeProblem(wait, 'wait-event-branch-without-events', `the "${labelOrId(branch)}" branch lists no events; add the event it waits for.`, {
            field: `data.branches[${index}].events`,
          }),
        );
      }
    });
  }
  return problems;
}
