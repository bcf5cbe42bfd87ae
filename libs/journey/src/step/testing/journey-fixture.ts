import { type UserFacts } from '../../condition/condition';
import { type JourneyMachine } from '../../compile/compile-journey';
import {
  type ConversionGoal,
  type JourneyEdge,
  type JourneyGraph,
  type JourneyNode,
  type NodeDataByType,
} from '../../format/journey-graph';
import { type NodeType } from '../../format/node-types';
import { type Effect } from '../effect';
import { type JourneyInput } from '../journey-event';
import { type PersistedJourneySnapshot, type StepResult, step } from '../step';

/** Test fixtures for the stepper specs: compact graphs and an instance driven like the engine would. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Monday 6 January 2025, 10:00 UTC. */
export const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

export function node<T extends NodeType>(id: string, type: T, data: NodeDataByType[T], label?: string): JourneyNode {
  return { id, type, data, position: { x: 0, y: 0 }, ...(label === undefined ? {} : { label }) } as JourneyNode;
}

/** Edges as `[source, handle, target]`. */
export function graph(nodes: JourneyNode[], edges: Array<[string, string, string]>, goals: ConversionGoal[] = []): JourneyGraph {
  return {
    formatVersion: 1,
    nodes,
    edges: edges.map(([source, sourceHandle, target]): JourneyEdge => ({ id: `${source}:${sourceHandle}`, source, sourceHandle, target })),
    settings: { goals, reentry: { mode: 'afterExit' }, throttling: [] },
  };
}

export function user(overrides: Partial<UserFacts> = {}): UserFacts {
  return { id: 'u1', tags: {}, ...overrides };
}

/**
 * What the driver does with the messages an instance asks for: report each sent at once, in the
 * same moment (as an engine whose provider answers immediately), or leave them held until the
 * test reports their outcome with `sent` / `notSent`.
 */
export type SendMode = 'sentAtOnce' | 'held';

/**
 * One instance driven step by step. Each step starts from a JSON round trip of the stored
 * snapshot (as a database would give it back), is run twice to check it is deterministic, and
 * the snapshot is only stored when the step changed something (as the engine does).
 *
 * With `sentAtOnce` (the default), a step that asks for sends is followed by their `sendOutcome`
 * inputs at the same `now`, and the call returns the steps folded into one result: the effects
 * in order, the last snapshot. `results` keeps every single step.
 */
export class InstanceDriver {
  snapshot: PersistedJourneySnapshot | undefined;
  readonly results: StepResult[] = [];

  constructor(
    readonly journey: JourneyMachine,
    public facts: UserFacts = user(),
    readonly sends: SendMode = 'sentAtOnce',
  ) {}

  /** Reports the message of a send node visit (the current one by default) as sent at `at`. */
  sent(nodeId: string, at: number, visit = this.visitOf(nodeId)): StepResult {
    return this.input({ kind: 'sendOutcome', nodeId, visit, outcome: 'sent', at, user: this.facts }, at);
  }

  /** Reports the message of a send node visit as finally not sent at `at`. */
  notSent(nodeId: string, at: number, reason = 'Not sent: test', visit = this.visitOf(nodeId)): StepResult {
    return this.input({ kind: 'sendOutcome', nodeId, visit, outcome: 'not_sent', at, reason, user: this.facts }, at);
  }

  private visitOf(nodeId: string): number {
    return this.snapshot?.context.visits[nodeId] ?? 0;
  }

  event(name: string, attributes: Record<string, unknown>, now: number, message?: { nodeId: string; visit: number }): StepResult {
    return this.input({ kind: 'event', name, attributes, user: this.facts, ...(message === undefined ? {} : { message }) }, now);
  }

  enter(entryNodeId: string, now: number, attributes: Record<string, unknown> = {}): StepResult {
    return this.input({ kind: 'enter', entryNodeId, attributes, user: this.facts }, now);
  }

  timer(timerId: string, now: number): StepResult {
    return this.input({ kind: 'timer', timerId, user: this.facts }, now);
  }

  input(input: JourneyInput, now: number): StepResult {
    const first = this.stepOnce(input, now);
    if (this.sends === 'held') return first;
    let folded = first;
    let pending = sendsOf(first);
    while (pending.length > 0) {
      const outcomes = pending.map((send) =>
        // The user as the instance left them (its own tag updates applied), as the engine would load them.
        this.stepOnce({ kind: 'sendOutcome', nodeId: send.nodeId, visit: send.visit, outcome: 'sent', at: now, user: this.snapshot?.context.user ?? this.facts }, now),
      );
      for (const next of outcomes) folded = fold(folded, next);
      pending = outcomes.flatMap(sendsOf);
    }
    return folded;
  }

  private stepOnce(input: JourneyInput, now: number): StepResult {
    const stored = this.snapshot === undefined ? undefined : roundTrip(this.snapshot);
    const result = step(this.journey, stored, input, now);
    const again = step(this.journey, stored === undefined ? undefined : roundTrip(stored), input, now);
    if (JSON.stringify(again) !== JSON.stringify(result)) throw new Error('The same step gave two different results.');
    if (JSON.stringify(roundTrip(result.snapshot)) !== JSON.stringify(result.snapshot)) throw new Error('The snapshot is not JSON-safe.');
    if (result.changed) this.snapshot = result.snapshot;
    this.results.push(result);
    return result;
  }

  get context() {
    if (this.snapshot === undefined) throw new Error('The instance has not entered.');
    return this.snapshot.context;
  }
}

function sendsOf(result: StepResult): Array<Extract<Effect, { kind: 'send' }>> {
  return result.changed ? result.effects.filter((effect): effect is Extract<Effect, { kind: 'send' }> => effect.kind === 'send') : [];
}

/** Two consecutive steps as one: effects in order, the later state. */
function fold(earlier: StepResult, later: StepResult): StepResult {
  if (!later.changed) return earlier;
  return { ...later, effects: [...earlier.effects, ...later.effects], entered: earlier.entered || later.entered };
}

export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
