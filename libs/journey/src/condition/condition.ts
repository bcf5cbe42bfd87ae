/**
 * The condition language shared by `entry.event`, `wait.event`, `branch.condition`, goals and
 * segments. Conditions are plain JSON so they can be stored, diffed and edited visually.
 */

/** Comparison operators on one field. */
export const COMPARISON_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'matches',
  'exists',
  'in',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** A JSON value a condition may compare against. */
export type ConditionValue = string | number | boolean | null | ConditionValue[];

/**
 * Compare one field. `field` is a dotted path with a root:
 * - `tags.<name>`: the user's tags (e.g. `tags.first_name`, `tags.plan`)
 * - `event.<attribute>`: an attribute of the event that triggered or moved the journey (e.g. `event.text`)
 * - `user.<field>`: profile fields (`user.email`, `user.phone`, `user.timeZone`, `user.language`, `user.id`)
 */
export interface FieldCondition {
  field: string;
  op: ComparisonOperator;
  /** Omitted only for `exists`. For `in` an array. For `matches` a keyword or `/regex/flags`. */
  value?: ConditionValue;
}

/** Whether the user performed an event in the past (event history), counted by the engine. */
export interface HistoryCondition {
  history: {
    event: string;
    /** Conditions on that event's attributes (`event.<attribute>` fields). */
    where?: Condition;
    /** Only count events within this duration before now, e.g. `30d`. Omitted: all time. */
    within?: string;
    /** Defaults to `{ op: 'gte', value: 1 }` ("performed at least once"). */
    count?: { op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: number };
  };
}

export interface AndCondition {
  and: Condition[];
}
export interface OrCondition {
  or: Condition[];
}
export interface NotCondition {
  not: Condition;
}

/** The user is in a saved segment (by its id): the segment's condition, as it is when evaluated. */
export interface SegmentCondition {
  segment: string;
}

export type Condition = FieldCondition | HistoryCondition | AndCondition | OrCondition | NotCondition | SegmentCondition;

/** Everything a condition can look at. The engine assembles it; evaluation is pure. */
export interface ConditionFacts {
  user: UserFacts;
  /** The event in hand (attributes only); undefined when none applies. */
  event?: Record<string, unknown>;
  /**
   * Counts of past events for each history condition, keyed by `historyKey(condition)`.
   * The engine computes the keys a journey needs from `collectHistoryQueries`.
   */
  history?: Record<string, number>;
  /**
   * Membership of the saved segments the conditions refer to (`{ segment: id }`), by segment id.
   * The engine computes it in SQL for a batch's users; a segment missing here is "not in it".
   */
  segments?: Record<string, boolean>;
}

/** What the journey knows of a user at a step. */
export interface UserFacts {
  id: string;
  tags: Record<string, unknown>;
  email?: string;
  phone?: string;
  timeZone?: string;
  language?: string;
  /** Default tags the engine keeps: ISO 3166 alpha-2 from the phone number; times as ISO 8601. */
  country?: string;
  firstSeenAt?: string;
  lastSeenAt?: string;
  lastInboundWhatsAppAt?: string;
  /** Channel reachability: a token / address exists and the user has not opted out. */
  reachable?: Partial<Record<'push' | 'email' | 'whatsapp' | 'sms', boolean>>;
  /** The user's opt-ins per channel (reachable also needs an address or token). */
  optIns?: Partial<Record<'push' | 'email' | 'whatsapp' | 'sms', boolean>>;
}
