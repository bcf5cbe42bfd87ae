import { type Effect } from '../step/effect';
import { type JourneyContext } from './journey-context';
import { EFFECT_ACTION, journeySetup } from './journey-setup';
import { type JourneyMachineEvent } from './machine-event';

/** A new context and the effects to ask for. */
export interface Reaction {
  context: JourneyContext;
  effects: Effect[];
}

/** A pure step of behaviour: all node logic is written as these, XState only sequences them. */
export type ReactionFn = (context: JourneyContext, event: JourneyMachineEvent) => Reaction;

/** The XState action running a reaction: assigns its context, then names each effect in order. */
export function react(reaction: ReactionFn) {
  return journeySetup.enqueueActions(({ context, event, enqueue }) => {
    const result = reaction(context, event);
    if (result.context !== context) enqueue.assign(() => result.context);
    for (const effect of result.effects) enqueue({ type: EFFECT_ACTION, params: effect });
  });
}

export type JourneyAction = ReturnType<typeof react>;

/** A guard as the compiler writes them: a pure predicate on context and event. */
export type JourneyGuard = (args: { context: JourneyContext; event: JourneyMachineEvent }) => boolean;
