import { type UserFacts } from '../condition/condition';
import { type JourneyInput, type MessageOutcome } from '../step/journey-event';

/** Machine event type of a user entering through `entry.segment` / `entry.api`. */
export const ENTER_EVENT = 'journey.enter';
/** Machine event type of a scheduled timer falling due. */
export const TIMER_EVENT = 'journey.timer';
/** Machine event type of the outcome of a send (sent or finally not sent). */
export const SEND_OUTCOME_EVENT = 'journey.sendOutcome';

/**
 * What the machine receives. Tracked events keep their own name as the event type (custom names
 * and `PW_*`), so a state lists exactly the events it reacts to. The stepper stamps `now`: the
 * machine never reads a clock.
 */
export interface JourneyMachineEvent {
  type: string;
  now: number;
  user: UserFacts;
  attributes: Record<string, unknown>;
  /** Counts for history conditions, keyed by `historyKey`. */
  history: Record<string, number>;
  /** Membership of the saved segments the journey refers to, by segment id. */
  segments: Record<string, boolean>;
  /** Engagement events: the send node and visit of the message they refer to. */
  message?: { nodeId: string; visit: number };
  /** `journey.enter` only. */
  entryNodeId?: string;
  /** `journey.timer` only. */
  timerId?: string;
  /** `journey.sendOutcome` only. */
  sendOutcome?: MessageOutcome;
}

/**
 * Whether a tracked event name would collide with the machine's own events or with XState's
 * (`xstate.*` are internal, `*` is a wildcard in transition keys).
 */
export function isReservedEventName(name: string): boolean {
  return name === ENTER_EVENT || name === TIMER_EVENT || name === SEND_OUTCOME_EVENT || name.startsWith('xstate.') || name.includes('*');
}

/** The machine event for an input, or undefined when its name is reserved (it can never apply). */
export function toMachineEvent(input: JourneyInput, now: number): JourneyMachineEvent | undefined {
  const history = input.history ?? {};
  const segments = input.segments ?? {};
  switch (input.kind) {
    case 'event':
      if (isReservedEventName(input.name)) return undefined;
      return {
        type: input.name,
        now,
        user: input.user,
        attributes: input.attributes,
        history,
        segments,
        ...(input.message === undefined ? {} : { message: input.message }),
      };
    case 'enter':
      return { type: ENTER_EVENT, now, user: input.user, attributes: input.attributes, history, segments, entryNodeId: input.entryNodeId };
    case 'timer':
      return { type: TIMER_EVENT, now, user: input.user, attributes: {}, history, segments, timerId: input.timerId };
    case 'sendOutcome': {
      const { nodeId, visit, outcome, at, reason } = input;
      const sendOutcome: MessageOutcome = { nodeId, visit, outcome, at, ...(reason === undefined ? {} : { reason }) };
      return { type: SEND_OUTCOME_EVENT, now, user: input.user, attributes: {}, history, segments, sendOutcome };
    }
  }
}
