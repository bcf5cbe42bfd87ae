import { type JourneyInput } from '@engine/journey';
import { type EventEntity, type UnappliedSendOutcome } from '@engine/persistence';
import { enterJourney, stepInstance } from './step-instance';
import {
  type BatchInputs,
  type BatchWrites,
  type EnterableJourney,
  emptyWrites,
  type InstanceState,
  type MessageRef,
  type UserState,
} from './batch-state';
import { reentryAllowed } from './reentry-allowed';

/** What a batch loaded; apply it with `applyInputs`. */
export interface LoadedBatch {
  users: Map<string, UserState>;
  /** Live journeys by entry event name. */
  journeysByEntryEvent: Map<string, EnterableJourney[]>;
  /** Live journeys by id (entries through the API or a segment). */
  journeysById: Map<string, EnterableJourney>;
  messages: Map<string, MessageRef>;
}

/** Message statuses that engagement events prove. */
const MESSAGE_STATUS_BY_EVENT: Record<string, BatchWrites['messageStatuses'][number]['status']> = {
  PW_PushOpened: 'opened',
  PW_EmailOpened: 'opened',
  PW_EmailClicked: 'clicked',
  PW_WhatsAppDelivered: 'delivered',
  PW_WhatsAppRead: 'read',
  PW_WhatsAppFailed: 'failed',
};

/**
 * Moves every user of the batch by their inputs, in order: due timers first, then API/segment
 * entries, then events and send outcomes in the order they were received. Pure over the loaded
 * state: all I/O is in load and write; the time and new instance ids come from the caller.
 */
export function applyInputs(batch: LoadedBatch, inputs: BatchInputs, { now, newId }: { now: number; newId: () => string }): BatchWrites {
  const writes = emptyWrites();
  const instancesById = new Map<string, InstanceState>();
  for (const user of batch.users.values()) for (const instance of user.instances) instancesById.set(instance.id, instance);

  for (const timer of inputs.timers) {
    writes.consumedTimerOutboxIds.push(timer.outboxId);
    const instance = instancesById.get(timer.instanceId);
    const user = instance && batch.users.get(instance.userId);
    if (!instance || !user || instance.status !== 'active' || instance.timerId !== timer.timerId) continue; // stale
    stepInstance(instance, user, { kind: 'timer', timerId: timer.timerId, user: user.facts, history: user.history, segments: user.segments }, now, writes);
  }

  for (const entry of inputs.entries) {
    const user = batch.users.get(entry.userId);
    const journey = batch.journeysById.get(entry.journeyId);
    if (!user || !journey || !reentryAllowed(journey.graph.settings.reentry, user.entries.get(journey.id), now)) continue;
    const input: JourneyInput = { kind: 'enter', entryNodeId: entry.entryNodeId, attributes: entry.attributes, user: user.facts, history: user.history, segments: user.segments };
    const instance = enterJourney(journey, user, input, now, writes, newId);
    if (instance) instancesById.set(instance.id, instance);
  }

  for (const input of inReceiptOrder(inputs.events, inputs.outcomes)) {
    if ('outcome' in input) {
      applySendOutcome(batch, input, now, writes, instancesById);
      continue;
    }
    writes.processedEventIds.push(input.id);
    const user = batch.users.get(input.userId);
    if (!user) continue;
    applyEvent(batch, user, input, now, writes, instancesById, newId);
  }
  return writes;
}

/**
 * Events (in id order) and outcomes (in id order) merged by when they reached the database, so an
 * instance sees a user's inputs in the order they happened; on a tie the outcome goes first (an
 * open or a reply comes after the message that went out).
 */
function* inReceiptOrder(events: EventEntity[], outcomes: UnappliedSendOutcome[]): Generator<EventEntity | UnappliedSendOutcome> {
  let e = 0;
  let o = 0;
  while (e < events.length || o < outcomes.length) {
    const outcomeFirst = e >= events.length || (o < outcomes.length && outcomes[o].recordedAt.getTime() <= events[e].receivedAt.getTime());
    yield outcomeFirst ? outcomes[o++] : events[e++];
  }
}

/** Feeds a send's outcome to its instance; one that ended or moved on meanwhile ignores it. */
function applySendOutcome(
  batch: LoadedBatch,
  outcome: UnappliedSendOutcome,
  now: number,
  writes: BatchWrites,
  instancesById: Map<string, InstanceState>,
): void {
  writes.appliedOutcomeIds.push(outcome.id);
  const instance = instancesById.get(outcome.instanceId);
  const user = instance && batch.users.get(instance.userId);
  if (!instance || !user || instance.status !== 'active') return;
  const input: JourneyInput = {
    kind: 'sendOutcome',
    nodeId: outcome.nodeId,
    visit: outcome.visit,
    outcome: outcome.outcome,
    at: outcome.at.getTime(),
    ...(outcome.reason === null ? {} : { reason: outcome.reason }),
    user: user.facts,
    history: user.history,
      segments: user.segments,
  };
  stepInstance(instance, user, input, now, writes);
}

function applyEvent(
  batch: LoadedBatch,
  user: UserState,
  event: EventEntity,
  now: number,
  writes: BatchWrites,
  instancesById: Map<string, InstanceState>,
  newId: () => string,
): void {
  const messageId = typeof event.attributes['messageId'] === 'string' ? event.attributes['messageId'] : undefined;
  const message = messageId ? batch.messages.get(messageId) : undefined;
  const status = MESSAGE_STATUS_BY_EVENT[event.name];
  if (message && status) {
    const detail = status === 'failed' ? failureDetail(event.attributes) : undefined;
    writes.messageStatuses.push({ messageId: message.messageId, status, at: event.occurredAt, ...(detail === undefined ? {} : { detail }) });
  }

  // Instances waiting for this event, as they were before it (one it enters does not also get it).
  const waiting = user.instances.filter((instance) => instance.status === 'active' && instance.waitingFor.includes(event.name));
  for (const instance of waiting) {
    const ownsMessage = message && message.instanceId === instance.id && message.nodeId !== null;
    const input: JourneyInput = {
      kind: 'event',
      name: event.name,
      attributes: event.attributes,
      user: user.facts,
      history: user.history,
      segments: user.segments,
      ...(ownsMessage ? { message: { nodeId: message.nodeId!, visit: message.visit } } : {}),
    };
    stepInstance(instance, user, input, now, writes);
  }

  for (const journey of batch.journeysByEntryEvent.get(event.name) ?? []) {
    if (!reentryAllowed(journey.graph.settings.reentry, user.entries.get(journey.id), now)) continue;
    const input: JourneyInput = { kind: 'event', name: event.name, attributes: event.attributes, user: user.facts, history: user.history, segments: user.segments };
    const instance = enterJourney(journey, user, input, now, writes, newId);
    if (instance) instancesById.set(instance.id, instance);
  }
}

/** `Meta error 131049 (Ecosystem engagement): the message failed to be delivered.` from a failed status's attributes. */
export function failureDetail(attributes: Record<string, unknown>): string | undefined {
  const code = typeof attributes['errorCode'] === 'number' || typeof attributes['errorCode'] === 'string' ? String(attributes['errorCode']) : undefined;
  const title = typeof attributes['errorTitle'] === 'string' && attributes['errorTitle'] !== '' ? attributes['errorTitle'] : undefined;
  const reason = typeof attributes['errorReason'] === 'string' && attributes['errorReason'] !== '' ? attributes['errorReason'] : undefined;
  if (code === undefined && reason === undefined && title === undefined) return undefined;
  const head = code === undefined ? 'Provider error' : `Meta error ${code}`;
  const titled = title !== undefined && title !== reason ? `${head} (${title})` : head;
  return reason === undefined ? titled : `${titled}: ${reason}`;
}
