import { type UserFacts } from '../condition/condition';
import { type EngagementMetric } from '../format/journey-graph';

/** Where the message of a send node visit is: held until its outcome arrives, then sent or not. */
export type SendStatus = 'held' | 'sent' | 'not_sent';

/** What the instance remembers of one send node: its latest visit's message. */
export interface SendRecord {
  visit: number;
  /**
   * Epoch ms the message was sent (or finally not sent); while it is held, when it was asked for.
   * Engagement and reply windows are measured from the sent time.
   */
  at: number;
  /** Absent on records stored before send steps waited for their message: those count as sent. */
  status?: SendStatus;
  /** Why the message was not sent. */
  reason?: string;
  /** When each metric was first seen for this visit's message (epoch ms). */
  engagement: Partial<Record<EngagementMetric, number>>;
}

/** The one timer the instance waits for (a waiting node holds at most one). */
export interface TimerRecord {
  /** `${nodeId}:${visit}`: a timer of an earlier visit never matches the current one. */
  id: string;
  nodeId: string;
  at: number;
}

/**
 * The machine context. JSON-safe: it is persisted with the snapshot after every step and never
 * mutated in place (reactions return new objects).
 */
export interface JourneyContext {
  userId: string;
  /** Epoch ms of entry; conversion periods count from here. */
  enteredAt: number;
  /** The latest user facts, with this journey's own tag updates of the current step applied. */
  user: UserFacts;
  /** Attributes of the last event that moved the journey (`event.*` in conditions and placeholders). */
  eventAttributes: Record<string, unknown>;
  /** How many times each node was entered. */
  visits: Record<string, number>;
  timer: TimerRecord | null;
  /** The latest message of each send node. */
  sends: Record<string, SendRecord>;
  /** Ids of the conversion goals reached, in order. */
  goalsReached: string[];
  /**
   * Nodes entered since the current input arrived. An engagement branch entered twice within one
   * step waits for a timer instead of deciding at once, so a loop through it cannot spin forever.
   */
  stepPath: string[];
}

/** The context of an instance that has not entered yet (the `start` pseudo state). */
export function emptyJourneyContext(): JourneyContext {
  return {
    userId: '',
    enteredAt: 0,
    user: { id: '', tags: {} },
    eventAttributes: {},
    visits: {},
    timer: null,
    sends: {},
    goalsReached: [],
    stepPath: [],
  };
}
