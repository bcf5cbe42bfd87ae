import { initialTransition, transition } from 'xstate';
import { type JourneyMachine, type JourneyStateMachine } from '../compile/compile-journey';
import { type JourneyContext } from '../compile/journey-context';
import { START_STATE } from '../compile/pseudo-states';
import { EFFECT_ACTION } from '../compile/journey-setup';
import { toMachineEvent } from '../compile/machine-event';
import { type Effect } from './effect';
import { type JourneyInput } from './journey-event';

/** An instance's state as stored between steps: plain JSON (xstate's persisted snapshot). */
export interface PersistedJourneySnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  /** The node id the user is at, `$start` before entry, or the final `$goal_reached`. */
  value: string;
  context: JourneyContext;
  historyValue: Record<string, unknown>;
  children: Record<string, unknown>;
  output?: unknown;
  error?: unknown;
}

export interface StepResult {
  snapshot: PersistedJourneySnapshot;
  /** What to perform, in order; write them in the same transaction as the snapshot. */
  effects: Effect[];
  /** The instance ended (exit node or a goal ending the journey). */
  done: boolean;
  /** This input started the instance. */
  entered: boolean;
  /** False when the input did not apply (a stale timer, a non-matching entry, an event nobody waits for). */
  changed: boolean;
  /** The node the user is at now, or the final one. */
  nodeId: string;
}

type MachineSnapshot = ReturnType<typeof initialTransition<JourneyStateMachine>>[0];

/**
 * Move one instance by one input, as a pure function: the same journey, snapshot, input and `now`
 * give the same result. Without a snapshot the input may enter the journey (else `entered` and
 * `changed` are false and the snapshot is the not-entered one, not worth storing). A done
 * instance never moves again. Built only on xstate's pure `initialTransition` / `transition`.
 */
export function step(
  journey: JourneyMachine,
  snapshot: PersistedJourneySnapshot | undefined,
  input: JourneyInput,
  now: number,
): StepResult {
  const { machine } = journey;
  if (snapshot !== undefined && snapshot.status !== 'active') return unchanged(snapshot);
  const current = snapshot === undefined ? initialTransition(machine)[0] : restore(journey, snapshot);
  const stored = snapshot ?? persist(journey, current);
  const event = toMachineEvent(input, now);
  if (event === undefined) return unchanged(stored);
  const [next, actions] = transition(machine, current, event);
  // XState returns the very same snapshot when no transition was enabled.
  if (next === current) return unchanged(stored);
  const wasOutside = stateKey(current) === START_STATE;
  if (wasOutside && stateKey(next) === START_STATE) return unchanged(stored);
  return moved(journey, next, actions, wasOutside);
}

function restore(journey: JourneyMachine, snapshot: PersistedJourneySnapshot): MachineSnapshot {
  if (!Object.prototype.hasOwnProperty.call(journey.listens, snapshot.value)) {
    throw new Error(`The instance is at "${snapshot.value}", which is not a node of this journey version.`);
  }
  return journey.machine.resolveState({ value: snapshot.value, context: snapshot.context, status: snapshot.status });
}

function moved(
  journey: JourneyMachine,
  next: MachineSnapshot,
  actions: ReadonlyArray<{ type: string; params?: unknown }>,
  entered: boolean,
): StepResult {
  if (next.status === 'error') {
    throw new Error(`The journey failed at "${stateKey(next)}": ${String(next.error)}`);
  }
  const effects = actions.filter((action) => action.type === EFFECT_ACTION).map((action) => action.params as Effect);
  const snapshot = persist(journey, next);
  return {
    snapshot,
    // A copy: effects hold node data, which must not be shared with the compiled graph.
    effects: JSON.parse(JSON.stringify(effects)) as Effect[],
    done: snapshot.status === 'done',
    entered,
    changed: true,
    nodeId: snapshot.value,
  };
}

/** The machine is flat: its state value is the key of one top-level state. */
function stateKey(snapshot: MachineSnapshot): string {
  const value: unknown = snapshot.value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function persist(journey: JourneyMachine, snapshot: MachineSnapshot): PersistedJourneySnapshot {
  return JSON.parse(JSON.stringify(journey.machine.getPersistedSnapshot(snapshot))) as PersistedJourneySnapshot;
}

function unchanged(snapshot: PersistedJourneySnapshot): StepResult {
  return {
    snapshot,
    effects: [],
    done: snapshot.status === 'done',
    entered: false,
    changed: false,
    nodeId: snapshot.value,
  };
}
