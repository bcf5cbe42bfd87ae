import { type Channel } from '../format/node-types';
import { type Effect } from '../step/effect';
import { recordEngagement } from './engagement';
import { type CompiledGoal, goalHolds } from './goals';
import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';
import { type Reaction } from './reaction';

/** What every input reaching an entered instance may tell it, whatever its current node. */
export interface InputAbsorber {
  /**
   * Runs first on every transition an input takes: refreshes the user facts, starts a new step
   * (clears `stepPath`), records engagement and reaches goals (a `conversion` effect each).
   */
  absorb(context: JourneyContext, event: JourneyMachineEvent): Reaction;
  /** Whether absorbing would record anything: then an input is worth a transition on its own. */
  wouldRecord(context: JourneyContext, event: JourneyMachineEvent): boolean;
  /** Whether the input reaches a goal that ends the journey. */
  endsJourney(context: JourneyContext, event: JourneyMachineEvent): boolean;
}

export function inputAbsorber(goals: readonly CompiledGoal[], trackedSends: ReadonlyMap<string, Channel>): InputAbsorber {
  const reachedGoals = (context: JourneyContext, event: JourneyMachineEvent) =>
    goals.filter((goal) => goalHolds(goal, context, event));
  return {
    absorb(context, event) {
      const reached = reachedGoals(context, event);
      const recorded = recordEngagement({ ...context, user: event.user, stepPath: [] }, event, trackedSends);
      const effects: Effect[] = reached.map(({ goal }) => ({ kind: 'conversion', goalId: goal.id }));
      const goalsReached = [...context.goalsReached, ...reached.map(({ goal }) => goal.id)];
      return { context: reached.length === 0 ? recorded : { ...recorded, goalsReached }, effects };
    },
    wouldRecord(context, event) {
      return recordEngagement(context, event, trackedSends) !== context || reachedGoals(context, event).length > 0;
    },
    endsJourney(context, event) {
      return reachedGoals(context, event).some(({ goal }) => goal.endsJourney);
    },
  };
}
