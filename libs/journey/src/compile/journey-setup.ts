import { setup } from 'xstate';
import { type Effect } from '../step/effect';
import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';

/** The one named action: its params are an Effect, returned to the engine and never executed here. */
export const EFFECT_ACTION = 'effect';

/** XState setup shared by every compiled journey: typed context, events and the effect action. */
export const journeySetup = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyMachineEvent,
  },
  actions: {
    // The engine performs effects from the outbox; the machine only names them.
    [EFFECT_ACTION]: (_args, _effect: Effect) => undefined,
  },
});

export type JourneyStateConfig = Parameters<typeof journeySetup.createStateConfig>[0];
export type JourneyMachineConfig = Parameters<typeof journeySetup.createMachine>[0];
