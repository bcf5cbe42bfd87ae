import { type Condition } from '../condition/condition';
import { type Channel, type NodeType, type UserChannel } from './node-types';

/**
 * A journey graph as the canvas draws it and the API stores it (JSON, versioned by
 * `formatVersion`). Durations are strings such as `30s`, `15m`, `4h`, `2d`, `1w` or `1h30m`.
 */
export interface JourneyGraph {
  formatVersion: 1;
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  settings: JourneySettings;
}

export interface CanvasPosition {
  x: number;
  y: number;
}

/** A node whose `data` is typed by its `type`. */
export type JourneyNode = {
  [T in NodeType]: { id: string; type: T; data: NodeDataByType[T]; position: CanvasPosition; label?: string };
}[NodeType];

export type NodeOfType<T extends NodeType> = Extract<JourneyNode, { type: T }>;

export interface JourneyEdge {
  id: string;
  source: string;
  /** The out-handle of the source node: `next`, `yes`, `no`, `timeout`, a branch or variant id... */
  sourceHandle: string;
  target: string;
}

// ---- node data, one interface per node type ---------------------------------------------

/** User enters when an event arrives, e.g. `PW_WhatsAppReceived` whose `event.text` matches "help". */
export interface EntryEventData {
  event: string;
  where?: Condition;
}

/** Every user matching a segment enters at launch, once or every `repeatEvery`. */
export interface EntrySegmentData {
  segment: Condition;
  repeatEvery?: string;
}

/** User enters through `POST /api/v1/journeys/:id/entries`. */
export type EntryApiData = Record<string, never>;

export interface SendPushData {
  title: string;
  body: string;
  link?: string;
  imageUrl?: string;
}

export interface SendEmailData {
  subject: string;
  html: string;
  from?: string;
  fromName?: string;
  preheader?: string;
}

/** WhatsApp template parameters are placeholder strings such as `{{tags.first_name|there}}`. */
/** The media kinds a WhatsApp template header can carry besides text. */
export const WHATSAPP_HEADER_MEDIA_TYPES = ['image', 'video', 'document'] as const;
export type WhatsAppHeaderMediaType = (typeof WHATSAPP_HEADER_MEDIA_TYPES)[number];

/**
 * The image, video or document of a template whose header is media: a public `link` (placeholders
 * allowed, e.g. a personalised image) or the `id` of media uploaded to Meta — exactly one of them.
 */
export interface WhatsAppHeaderMedia {
  type: WhatsAppHeaderMediaType;
  link?: string;
  id?: string;
  /** Documents only: the file name the recipient sees. */
  filename?: string;
}

export interface WhatsAppTemplateRef {
  name: string;
  language: string;
  headerParameters?: string[];
  /** For templates whose header is an image, a video or a document. */
  headerMedia?: WhatsAppHeaderMedia;
  bodyParameters?: string[];
  /** Payloads for quick-reply buttons of the template, in button order. */
  buttonPayloads?: string[];
}

export interface WhatsAppQuickReply {
  /** Handle id: the node gets an out-handle `reply:<id>`. */
  id: string;
  /** The button text (or payload) the user's reply is matched against, case-insensitively. */
  text: string;
}

export interface SendWhatsAppData {
  /** `template` works any time; `text` only inside the 24-hour window an inbound message opens. */
  mode: 'template' | 'text';
  template?: WhatsAppTemplateRef;
  text?: string;
  /** When set, the node waits for a reply: one out-handle per reply plus `no_reply`. */
  quickReplies?: WhatsAppQuickReply[];
  /** How long to wait for a reply before `no_reply`. Required with quick replies. */
  replyWindow?: string;
}

export interface SendSmsData {
  text: string;
}

export interface SendWebhookData {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  /** A JSON body template; placeholders allowed inside string values. */
  body?: string;
  timeoutMs?: number;
}

export interface TagOperation {
  op: 'set' | 'increment' | 'remove';
  tag: string;
  /** For `set`: any JSON value or a placeholder string; for `increment`: a number (default 1). */
  value?: string | number | boolean | null;
}

export interface UpdateTagsData {
  operations: TagOperation[];
}

export type WaitDelayData =
  | { mode: 'duration'; duration: string }
  /** Until the next `time` (HH:mm) on one of `weekdays` (1 = Monday ... 7 = Sunday; all if omitted). */
  | { mode: 'timeOfDay'; time: string; weekdays?: number[]; timeZone?: string }
  /**
   * Until a date: fixed (`date`, ISO 8601) or read from a user tag / event attribute, shifted by
   * `offset` (e.g. `-1d` for "one day before"). A date already past continues at once.
   */
  | { mode: 'date'; date?: string; fromTag?: string; fromEventAttribute?: string; offset?: string };

export interface EventMatch {
  event: string;
  where?: Condition;
}

export interface WaitEventBranch {
  /** Handle id of this branch. */
  id: string;
  label?: string;
  /** Any one of these events (each with its attribute conditions) takes this branch. */
  events: EventMatch[];
}

export interface WaitEventData {
  branches: WaitEventBranch[];
  /** Leave through `timeout` after this long; at most 90 days. */
  timeout: string;
}

export const ENGAGEMENT_METRICS = ['delivered', 'opened', 'read', 'clicked'] as const;
export type EngagementMetric = (typeof ENGAGEMENT_METRICS)[number];

/** "Push opened?": did the message of an earlier send node reach `metric` within `window` of being sent. */
export interface BranchEngagementData {
  sendNodeId: string;
  metric: EngagementMetric;
  window: string;
}

export interface BranchConditionData {
  condition: Condition;
}

export interface SplitVariant {
  /** Handle id of this variant. */
  id: string;
  label?: string;
  percent: number;
}

export interface BranchSplitData {
  variants: SplitVariant[];
}

export interface BranchReachabilityData {
  channel: UserChannel;
}

export type ExitData = Record<string, never>;

export interface NodeDataByType {
  'entry.event': EntryEventData;
  'entry.segment': EntrySegmentData;
  'entry.api': EntryApiData;
  'send.push': SendPushData;
  'send.email': SendEmailData;
  'send.whatsapp': SendWhatsAppData;
  'send.sms': SendSmsData;
  'send.webhook': SendWebhookData;
  'update.tags': UpdateTagsData;
  'wait.delay': WaitDelayData;
  'wait.event': WaitEventData;
  'branch.engagement': BranchEngagementData;
  'branch.condition': BranchConditionData;
  'branch.split': BranchSplitData;
  'branch.reachability': BranchReachabilityData;
  exit: ExitData;
}

// ---- journey settings -------------------------------------------------------------------

export interface ConversionGoal {
  id: string;
  name?: string;
  event: string;
  where?: Condition;
  /** Counted within this period after entry; at most 30 days. */
  period: string;
  /** Reaching the goal ends the journey for the user. */
  endsJourney: boolean;
}

export interface ReentryPolicy {
  /**
   * `never`: a user enters once ever. `afterExit`: again once the previous instance ended.
   * `always`: in parallel instances. `cooldown`: again once `cooldown` has passed since the last entry.
   */
  mode: 'never' | 'afterExit' | 'always' | 'cooldown';
  cooldown?: string;
}

/** A window of quiet time: no sends of `channels` between `from` and `to` on `weekdays`. */
export interface SilentWindow {
  /** 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  /** HH:mm, local time of the user. A `from` later than `to` spans midnight. */
  from: string;
  to: string;
}

export interface SilentHours {
  channels: UserChannel[];
  windows: SilentWindow[];
  /** Used when the user has no time zone. */
  fallbackTimeZone: string;
}

export interface FrequencyCap {
  /** At most `maxMessages` sends of `channels` per user within `period` (across journeys). */
  maxMessages: number;
  period: string;
  channels: UserChannel[];
}

export interface ChannelThrottle {
  channel: Channel;
  /** At most this many sends per `per` for this journey. */
  limit: number;
  per: string;
}

export interface JourneySettings {
  goals: ConversionGoal[];
  reentry: ReentryPolicy;
  silentHours?: SilentHours;
  frequencyCap?: FrequencyCap;
  throttling: ChannelThrottle[];
}

export const DEFAULT_JOURNEY_SETTINGS: JourneySettings = {
  goals: [],
  reentry: { mode: 'afterExit' },
  throttling: [],
};
