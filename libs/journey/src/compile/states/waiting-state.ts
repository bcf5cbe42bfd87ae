import { type JourneyNode } from '../../format/journey-graph';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { type JourneyContext } from '../journey-context';
import { GOAL_REACHED_STATE } from '../pseudo-states';
import { SEND_OUTCOME_EVENT, TIMER_EVENT } from '../machine-event';
import { enterNode } from '../node-entry';
import { type JourneyAction, type Reaction, react } from '../reaction';
import { leaveWaitingNode } from '../timers';
import { type JourneyTransition } from './journey-transition';

export interface WaitingStateParts {
  /** Entry actions after the visit (schedule the timer...). */
  entry: JourneyAction[];
  /** Exit actions after the timer is forgotten (cancel a held send...). */
  exit?: JourneyAction[];
  /** The node's own transitions per event type (tracked events and `journey.timer`), in priority order. */
  on: Record<string, JourneyTransition[]>;
  /** Transitions to take at once on arrival (an engagement branch that already knows its answer). */
  always?: JourneyTransition[];
}

/**
 * A node where the user stays until an input moves them. For each event the transitions are
 * tried in this order, the first whose guard holds is taken (XState picks one per state):
 * 1. a goal that ends the journey (it wins over any branch: the user converted);
 * 2. the node's own transitions (a branch, a reply, an engagement, its timer, its send's outcome);
 * 3. a transition without target recording engagement and non-ending goals, so these are kept
 *    while the user waits elsewhere.
 * Transitions 1 and 2 also absorb the input first, so a non-ending goal reached by the very event
 * that takes a branch is counted too. Leaving cancels the node's timer unless it is the one that fired.
 */
export function waitingState(scope: CompileScope, node: JourneyNode, parts: WaitingStateParts): BuiltState {
  const eventTypes = [...new Set([...Object.keys(parts.on), ...scope.recordedEvents])];
  const on: Record<string, JourneyTransition[]> = {};
  for (const type of eventTypes) {
    const transitions: JourneyTransition[] = [];
    if (scope.endingGoalEvents.has(type)) {
      transitions.push({
        target: GOAL_REACHED_STATE,
        guard: ({ context, event }) => scope.absorber.endsJourney(context, event),
        actions: [scope.absorb, react(exitForGoal)],
      });
    }
    transitions.push(...(parts.on[type] ?? []));
    if (scope.recordedEvents.includes(type)) {
      transitions.push({
        guard: ({ context, event }) => scope.absorber.wouldRecord(context, event),
        actions: [scope.absorb],
      });
    }
    on[type] = transitions;
  }
  return {
    config: {
      entry: [react(enterNode(node.id)), ...parts.entry],
      exit: [react(leaveWaitingNode), ...(parts.exit ?? [])],
      on,
      ...(parts.always === undefined ? {} : { always: parts.always }),
    },
    listens: eventTypes.filter((type) => type !== TIMER_EVENT && type !== SEND_OUTCOME_EVENT),
  };
}

function exitForGoal(context: JourneyContext): Reaction {
  return { context, effects: [{ kind: 'exit', reason: 'goal' }] };
}
