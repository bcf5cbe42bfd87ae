import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent, TIMER_EVENT } from './machine-event';
import { currentVisit } from './node-entry';
import { type Reaction } from './reaction';

/** The id of a node's timer for its current visit: a timer of an earlier visit never matches. */
export function timerIdFor(nodeId: string, visit: number): string {
  return `${nodeId}:${visit}`;
}

/** Wait at a node until `at` (epoch ms): remember the timer and ask the engine to schedule it. */
export function startTimer(nodeId: string, context: JourneyContext, at: number): Reaction {
  const id = timerIdFor(nodeId, currentVisit(context, nodeId));
  return {
    context: { ...context, timer: { id, nodeId, at } },
    effects: [{ kind: 'schedule', timerId: id, nodeId, at }],
  };
}

/** Whether the event is the timer the instance waits for (anything else is stale and ignored). */
export function isCurrentTimer(context: JourneyContext, event: JourneyMachineEvent): boolean {
  return event.type === TIMER_EVENT && context.timer !== null && event.timerId === context.timer.id;
}

/** Leaving a waiting node: forget its timer, and cancel it unless it is the one that fired. */
export function leaveWaitingNode(context: JourneyContext, event: JourneyMachineEvent): Reaction {
  if (context.timer === null) return { context, effects: [] };
  const fired = isCurrentTimer(context, event);
  return {
    context: { ...context, timer: null },
    effects: fired ? [] : [{ kind: 'cancelTimer', timerId: context.timer.id }],
  };
}
