import { type JourneyGraph, type JourneyMachine, type NewTagDefinition, type PersistedJourneySnapshot, type StepEntry, type TagType, type UserFacts } from '@engine/journey';
import { type AppUserEntity, type EventEntity, type InstanceStatus, type NewOutboxRow, type UnappliedSendOutcome } from '@engine/persistence';

/** A live journey users can enter now (its current version, compiled). */
export interface EnterableJourney {
  id: string;
  projectId: string;
  versionId: string;
  graph: JourneyGraph;
  compiled: JourneyMachine;
  entryEvents: string[];
}

/** An instance as the batch holds it in memory between load and write. */
export interface InstanceState {
  id: string;
  projectId: string;
  journeyId: string;
  versionId: string;
  userId: string;
  status: InstanceStatus;
  snapshot: PersistedJourneySnapshot;
  currentNodeId: string;
  waitingFor: string[];
  timerId: string | null;
  /** lock_version as loaded; the write checks it (optimistic lock behind the user row lock). */
  loadedLockVersion: number;
  enteredAt: Date;
  endedAt: Date | null;
  compiled: JourneyMachine;
  isNew: boolean;
  dirty: boolean;
  /** Step log entries of this batch, appended to the instance's log when it is written. */
  newSteps: StepEntry[];
}

export interface UserState {
  row: AppUserEntity;
  facts: UserFacts;
  tagsChanged: boolean;
  /**
   * The tag catalogue of the user's project (only the tags its journeys' update.tags steps write),
   * shared by the batch's users of that project: a tag first written in the batch is added to it.
   */
  tagTypes: Map<string, TagType>;
  /** Active instances of this user. */
  instances: InstanceState[];
  /** For re-entry: per journey id, the latest entry time and whether one is active. */
  entries: Map<string, { lastEnteredAt: Date; active: boolean; count: number }>;
  history: Record<string, number>;
  /** Membership of the saved segments the journeys in play refer to, by segment id. */
  segments: Record<string, boolean>;
}

/** A timer that fired (its outbox row's job ran): the input that steps its instance. */
export interface FiredTimer {
  outboxId: string;
  instanceId: string;
  timerId: string;
}

/** A request to enter a user through an `entry.api` or `entry.segment` node. */
export interface EntryRequest {
  userId: string;
  journeyId: string;
  entryNodeId: string;
  attributes: Record<string, unknown>;
}

/** Which message (node and visit of which instance) an engagement event refers to. */
export interface MessageRef {
  messageId: string;
  instanceId: string | null;
  nodeId: string | null;
  visit: number;
}

export interface BatchInputs {
  events: EventEntity[];
  /** Final results of the users' journey sends, not yet fed to their instances. */
  outcomes: UnappliedSendOutcome[];
  timers: FiredTimer[];
  entries: EntryRequest[];
}

/** Everything a batch writes, in one transaction. */
export interface BatchWrites {
  outbox: NewOutboxRow[];
  /** `${journeyId}\u0000${nodeId}` -> counts */
  counters: Map<string, { entered: number; completed: number }>;
  conversions: Array<{ projectId: string; journeyId: string; instanceId: string; goalId: string; nodeId: string }>;
  processedEventIds: string[];
  consumedTimerOutboxIds: string[];
  cancelledTimers: Array<{ instanceId: string; timerId: string }>;
  /** Held sends no longer wanted (the instance ended before its message went out). */
  cancelledSends: Array<{ instanceId: string; idempotencyKey: string }>;
  appliedOutcomeIds: string[];
  /** `detail`: why a message failed, as its provider said it (Meta's code, title and details). */
  messageStatuses: Array<{ messageId: string; status: 'delivered' | 'read' | 'opened' | 'clicked' | 'failed'; at: Date; detail?: string }>;
  stepsExecuted: number;
  /** Tags update.tags steps wrote for the first time, with the type of their value. */
  createdTags: Array<{ projectId: string } & NewTagDefinition>;
  /** Tag values update.tags steps wanted to write and the catalogue's type refused (not written). */
  refusedTagWrites: RefusedTagWriteRecord[];
}

/** A refused tag write, with where it came from (for the user's story). */
export interface RefusedTagWriteRecord {
  projectId: string;
  /** Internal user id and the customer's own. */
  userId: string;
  externalUserId: string;
  journeyId: string;
  instanceId: string;
  nodeId: string;
  tag: string;
  value: unknown;
  reason: string;
  at: Date;
}

export function emptyWrites(): BatchWrites {
  return {
    outbox: [],
    counters: new Map(),
    conversions: [],
    processedEventIds: [],
    consumedTimerOutboxIds: [],
    cancelledTimers: [],
    cancelledSends: [],
    appliedOutcomeIds: [],
    messageStatuses: [],
    stepsExecuted: 0,
    createdTags: [],
    refusedTagWrites: [],
  };
}
