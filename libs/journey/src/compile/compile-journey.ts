import { type JourneyGraph } from '../format/journey-graph';
import { inputAbsorber } from './absorb-input';
import { canonicalJson } from './canonical-json';
import { type BuiltState, type CompileScope } from './compile-scope';
import { ENGAGEMENT_EVENTS_BY_CHANNEL } from './engagement';
import { compileGoals } from './goals';
import { emptyJourneyContext } from './journey-context';
import { indexJourneyGraph } from './journey-graph-index';
import { GOAL_REACHED_STATE, START_STATE } from './pseudo-states';
import { type JourneyStateConfig, journeySetup } from './journey-setup';
import { react } from './reaction';
import { startState } from './states/entry-states';
import { nodeState } from './states/node-state';
import { hashText } from './string-hash';

function createJourneyStateMachine(id: string, states: Record<string, JourneyStateConfig>) {
  return journeySetup.createMachine({ id, initial: START_STATE, context: emptyJourneyContext, states });
}

export type JourneyStateMachine = ReturnType<typeof createJourneyStateMachine>;

/** A compiled journey: the machine plus what the stepper and the engine need next to it. */
export interface JourneyMachine {
  machine: JourneyStateMachine;
  graph: JourneyGraph;
  /** Stable hash of the graph (canonical JSON), for caching compiled machines per version. */
  hash: string;
  /** Per state key, the tracked event names it reacts to (the entry events for `$start`; never timers). */
  listens: Readonly<Record<string, readonly string[]>>;
}

/** A stable hash of a graph: equal graphs hash equal whatever their key order. */
export function journeyGraphHash(graph: JourneyGraph): string {
  return hashText(canonicalJson(graph));
}

/**
 * Compile a journey graph to an XState machine. One flat state per node, keyed by node id, plus
 * the pseudo state `$start` (before entry) and the final state `$goal_reached`. All behaviour is
 * in assigns and named `effect` actions (params: an Effect), so xstate's pure `transition` yields
 * the effects to perform. Expects a valid graph; throws an Error naming the node for what it
 * cannot compile (including a loop without any waiting node).
 *
 * Semantics worth knowing:
 * - Every node entered emits `visit`; entry, update.tags and the branches (engagement when its
 *   answer is known) are left within the same step through `always` transitions.
 * - A send node emits `send` and waits for the `sendOutcome` input of that node visit (sent, or
 *   finally not sent); any other outcome is stale and ignored. Its message's `at` becomes the sent
 *   time, so engagement and reply windows start when the message went out. Leaving before the
 *   outcome (a goal ending the journey) emits `cancelSend`.
 * - Otherwise the user rests only at waiting nodes, each holding one timer `${nodeId}:${visit}`; a
 *   timer with another id is stale and ignored. Leaving otherwise than by that timer emits `cancelTimer`.
 * - An event reaching a goal that ends the journey wins over the node's own handling of that
 *   event; a non-ending goal is counted and the node still handles the event. The event that
 *   enters the journey does not count towards goals.
 * - Engagement events are recorded (for the latest visit of the send node they name) whatever
 *   node the user waits at, so an open that arrives early still counts at the check.
 * - `event.*` is the attributes of the event that entered, took a wait-for-event branch or a
 *   quick reply; timers and engagement receipts keep it.
 */
export function compileJourney(graph: JourneyGraph, options: { id?: string } = {}): JourneyMachine {
  const index = indexJourneyGraph(graph);
  const goals = compileGoals(graph.settings.goals);
  const absorber = inputAbsorber(goals, index.trackedSends);
  const engagementEvents = [...new Set([...index.trackedSends.values()].flatMap((channel) => ENGAGEMENT_EVENTS_BY_CHANNEL[channel]))];
  const scope: CompileScope = {
    index,
    absorber,
    absorb: react((context, event) => absorber.absorb(context, event)),
    recordedEvents: [...new Set([...goals.map(({ goal }) => goal.event), ...engagementEvents])],
    endingGoalEvents: new Set(goals.filter(({ goal }) => goal.endsJourney).map(({ goal }) => goal.event)),
  };

  const built: Record<string, BuiltState> = { [START_STATE]: startState(scope) };
  for (const node of graph.nodes) built[node.id] = nodeState(scope, node);
  built[GOAL_REACHED_STATE] = { config: { type: 'final' }, listens: [] };

  const states: Record<string, JourneyStateConfig> = {};
  const listens: Record<string, readonly string[]> = {};
  for (const [key, state] of Object.entries(built)) {
    states[key] = state.config;
    listens[key] = state.listens;
  }
  return {
    machine: createJourneyStateMachine(options.id ?? 'journey', states),
    graph,
    hash: journeyGraphHash(graph),
    listens,
  };
}
