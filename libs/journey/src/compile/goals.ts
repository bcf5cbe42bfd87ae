import { evaluateCondition } from '../condition/evaluate-condition';
import { durationMs } from '../duration/duration';
import { type ConversionGoal } from '../format/journey-graph';
import { eventFacts } from './event-facts';
import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';

/** A conversion goal with its period in ms. */
export interface CompiledGoal {
  goal: ConversionGoal;
  periodMs: number;
}

export function compileGoals(goals: readonly ConversionGoal[]): CompiledGoal[] {
  return goals.map((goal) => ({ goal, periodMs: durationMs(goal.period) }));
}

/**
 * Whether `event` reaches `goal` now: its event, its conditions, not reached before, and within
 * the conversion period after entry (an event stamped before entry does not count).
 */
export function goalHolds(compiled: CompiledGoal, context: JourneyContext, event: JourneyMachineEvent): boolean {
  const { goal, periodMs } = compiled;
  if (goal.event !== event.type || context.goalsReached.includes(goal.id)) return false;
  const sinceEntry = event.now - context.enteredAt;
  if (sinceEntry < 0 || sinceEntry > periodMs) return false;
  return goal.where === undefined || evaluateCondition(goal.where, eventFacts(event), event.now);
}
