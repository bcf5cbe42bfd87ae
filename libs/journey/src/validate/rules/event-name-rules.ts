import { type Condition } from '../../condition/condition';
import { classifyCondition } from '../../condition/condition-kind';
import { BUILT_IN_EVENTS, isBuiltInEvent } from '../../format/built-in-events';
import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { goalSubject, nodeSubject } from '../wording';
import { plainProblem } from './make-problem';

/** Events named `journey.*` are the engine's own (timers, internal signals). */
const RESERVED_PREFIX = 'journey.';
const BUILT_IN_PREFIX = 'PW_';
const MAX_DEPTH = 64;

/** An event name the journey refers to, and where. */
interface EventReference {
  event: string;
  subject: string;
  nodeId?: string;
  field: string;
}

/**
 * Event names in entries, waits, history conditions and goals exist: built-in `PW_` names are
 * spelled right, custom names are known to the workspace (when the caller says which are), and
 * nobody uses the reserved `journey.` prefix.
 */
export function eventNameRules(view: JourneyGraphView): JourneyProblem[] {
  return collectEventReferences(view).flatMap((reference) => {
    const text = eventNameProblem(reference.event, view.knownEvents);
    if (text === undefined) return [];
    const problem = plainProblem(text.code, `${reference.subject}: ${text.text}`, {
      field: reference.field,
      severity: text.severity,
    });
    if (reference.nodeId !== undefined) problem.nodeId = reference.nodeId;
    return [problem];
  });
}

function eventNameProblem(
  event: string,
  knownEvents: readonly string[] | undefined,
): { code: string; text: string; severity: JourneyProblem['severity'] } | undefined {
  if (event.trim() === '') return { code: 'event-name-missing', text: 'the event name is empty; choose an event.', severity: 'error' };
  if (event.startsWith(RESERVED_PREFIX)) {
    return {
      code: 'reserved-event-name',
      text: `"${event}" starts with "${RESERVED_PREFIX}", which is reserved for the journey engine; rename the event.`,
      severity: 'error',
    };
  }
  if (event.startsWith(BUILT_IN_PREFIX)) {
    return isBuiltInEvent(event)
      ? undefined
      : {
          code: 'unknown-built-in-event',
          text: `"${event}" looks like a built-in event but is not one (built-in events: ${BUILT_IN_EVENTS.join(', ')}).`,
          severity: 'warning',
        };
  }
  if (knownEvents !== undefined && !knownEvents.includes(event)) {
    return {
      code: 'unknown-event',
      text: `no event named "${event}" has been tracked yet; check the spelling.`,
      severity: 'warning',
    };
  }
  return undefined;
}

function collectEventReferences(view: JourneyGraphView): EventReference[] {
  const references: EventReference[] = [];
  for (const node of view.nodes) {
    const typed = node.node;
    if (typed === undefined) continue;
    const subject = nodeSubject(node);
    const add = (event: string, field: string): void => {
      references.push({ event, subject, nodeId: node.id, field });
    };
    switch (typed.type) {
      case 'entry.event':
        add(typed.data.event, 'data.event');
        historyEvents(typed.data.where, 'data.where', add);
        break;
      case 'entry.segment':
        historyEvents(typed.data.segment, 'data.segment', add);
        break;
      case 'branch.condition':
        historyEvents(typed.data.condition, 'data.condition', add);
        break;
      case 'wait.event':
        typed.data.branches.forEach((branch, branchIndex) =>
          branch.events.forEach((match, matchIndex) => {
            const base = `data.branches[${branchIndex}].events[${matchIndex}]`;
            add(match.event, `${base}.event`);
            historyEvents(match.where, `${base}.where`, add);
          }),
        );
        break;
      default:
        break;
    }
  }
  view.settings.goals?.forEach((goal, index) => {
    const subject = goalSubject(goal);
    const add = (event: string, field: string): void => {
      references.push({ event, subject, field });
    };
    add(goal.event, `settings.goals[${index}].event`);
    historyEvents(goal.where, `settings.goals[${index}].where`, add);
  });
  return references;
}

/** Calls `add` for the event of every history condition within `condition`. */
function historyEvents(condition: Condition | undefined, path: string, add: (event: string, field: string) => void, depth = 0): void {
  if (condition === undefined || depth > MAX_DEPTH) return;
  const classified = classifyCondition(condition);
  switch (classified.kind) {
    case 'history':
      add(classified.condition.history.event, `${path}.history.event`);
      historyEvents(classified.condition.history.where, `${path}.history.where`, add, depth + 1);
      return;
    case 'and':
      classified.condition.and.forEach((part, index) => historyEvents(part, `${path}.and[${index}]`, add, depth + 1));
      return;
    case 'or':
      classified.condition.or.forEach((part, index) => historyEvents(part, `${path}.or[${index}]`, add, depth + 1));
      return;
    case 'not':
      historyEvents(classified.condition.not, `${path}.not`, add, depth + 1);
      return;
    case 'field':
    case 'invalid':
      return;
  }
}
