import { type ConditionFacts } from '../condition/condition';
import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';

/** Facts for conditions on the event in hand (entry, wait-for-event branches, goals). */
export function eventFacts(event: JourneyMachineEvent): ConditionFacts {
  return { user: event.user, event: event.attributes, history: event.history, segments: event.segments };
}

/**
 * Facts for conditions inside the journey (condition branches): the user as this step left them
 * (own tag updates applied) and the attributes of the event that last moved the journey.
 */
export function journeyFacts(context: JourneyContext, event: JourneyMachineEvent): ConditionFacts {
  return { user: context.user, event: context.eventAttributes, history: event.history, segments: event.segments };
}
