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
 * One instance driven step by step. Each step starts from a JSON round trip of the stored
 * snapshot (as a database would give it back), is run twice to check it is deterministic, and
 * the snapshot is only stored when the step changed something (as the engine does).
 */
export class InstanceDriver {
  snapshot: PersistedJourneySnapshot | undefined;
  readonly results: StepResult[] = [];

  constructor(
    readonly journey: JourneyMachine,
    public facts: UserFacts = user(),
  ) {}

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

export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
