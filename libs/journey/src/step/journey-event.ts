import { type UserFacts } from '../condition/condition';
import { type EngagementMetric } from '../format/journey-graph';

/**
 * What the engine feeds the stepper. The stepper stamps `now` on it before the machine sees it,
 * so the machine itself never reads a clock.
 */
export type JourneyInput =
  /** A tracked event (custom or built-in `PW_*`) of this user. */
  | {
      kind: 'event';
      name: string;
      attributes: Record<string, unknown>;
      user: UserFacts;
      /** Counts for history conditions, keyed by `historyKey`. */
      history?: Record<string, number>;
      /** Membership of the saved segments the journey refers to, by segment id. */
      segments?: Record<string, boolean>;
      /**
       * For engagement events (PW_PushOpened, PW_EmailOpened, PW_EmailClicked, PW_WhatsAppDelivered,
       * PW_WhatsAppRead, a PW_WhatsAppReceived reply): the send node and visit of the message it
       * belongs to, as the engine found it from the message id.
       */
      message?: { nodeId: string; visit: number };
    }
  /** A user enters through an `entry.segment` or `entry.api` node. */
  | { kind: 'enter'; entryNodeId: string; attributes: Record<string, unknown>; user: UserFacts; history?: Record<string, number>; segments?: Record<string, boolean> }
  /** A timer the journey scheduled fell due. Stale timers are ignored. */
  | { kind: 'timer'; timerId: string; user: UserFacts; history?: Record<string, number>; segments?: Record<string, boolean> }
  /**
   * The final result of a message a send node asked for: sent, or finally not sent (suppressed by
   * a rule, failed after retries). It moves the instance on from that send node; an outcome for
   * another node or an earlier visit is stale and ignored, like a stale timer.
   */
  | ({ kind: 'sendOutcome'; user: UserFacts; history?: Record<string, number>; segments?: Record<string, boolean> } & MessageOutcome);

/** What became of the message of one send node visit. */
export interface MessageOutcome {
  nodeId: string;
  visit: number;
  outcome: 'sent' | 'not_sent';
  /** Epoch ms the message went out (or was given up): engagement and reply windows start here. */
  at: number;
  /** Why it was not sent. */
  reason?: string;
}

/** Which engagement metrics an event proves for the message it refers to. */
export const ENGAGEMENT_BY_EVENT: Record<string, EngagementMetric[]> = {
  PW_PushOpened: ['delivered', 'opened'],
  PW_EmailOpened: ['delivered', 'opened'],
  PW_EmailClicked: ['delivered', 'opened', 'clicked'],
  PW_WhatsAppDelivered: ['delivered'],
  PW_WhatsAppRead: ['delivered', 'read', 'opened'],
  PW_WhatsAppReceived: ['delivered', 'read', 'opened'],
};
