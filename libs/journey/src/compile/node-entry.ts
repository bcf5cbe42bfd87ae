import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';
import { ownEntry, withEntry } from './own-entry';
import { type Reaction } from './reaction';

/** Entering any node: count the visit and report it. Node-specific reactions follow. */
export function enterNode(nodeId: string) {
  return (context: JourneyContext): Reaction => {
    const visit = (ownEntry(context.visits, nodeId) ?? 0) + 1;
    return {
      context: { ...context, visits: withEntry(context.visits, nodeId, visit), stepPath: [...context.stepPath, nodeId] },
      effects: [{ kind: 'visit', nodeId, visit }],
    };
  };
}

/** The current visit of a node, once entered. */
export function currentVisit(context: JourneyContext, nodeId: string): number {
  return ownEntry(context.visits, nodeId) ?? 0;
}

/** The input that enters the instance sets who it is for, when, and the triggering event. */
export function enterJourney(context: JourneyContext, event: JourneyMachineEvent): Reaction {
  return {
    context: {
      ...context,
      userId: event.user.id,
      enteredAt: event.now,
      user: event.user,
      eventAttributes: event.attributes,
      stepPath: [],
    },
    effects: [],
  };
}

/** An event that moves the journey by matching (a branch, a reply) becomes the `event.*` of what follows. */
export function takeEventAttributes(context: JourneyContext, event: JourneyMachineEvent): Reaction {
  return { context: { ...context, eventAttributes: event.attributes }, effects: [] };
}
