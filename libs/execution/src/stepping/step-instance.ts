import {
  applyTagOperations,
  checkTagWrites,
  type Effect,
  type JourneyInput,
  step,
  stepEntries,
  type StepResult,
  waitingFor,
} from '@engine/journey';
import { sendableAt } from '../send/send-policy';
import { type BatchWrites, type EnterableJourney, type InstanceState, type UserState } from './batch-state';

/** A chain of timers already due (e.g. `wait 0` nodes) runs inline up to this length, then via the outbox. */
const INLINE_TIMER_LIMIT = 50;

/**
 * Step one instance by one input and fold the result into the batch: snapshot, counters, outbox
 * rows, tag changes. Timers that are already due run inline, so `wait 0` costs no round trip.
 */
export function stepInstance(instance: InstanceState, user: UserState, input: JourneyInput, now: number, writes: BatchWrites): StepResult {
  const result = step(instance.compiled, instance.snapshot, input, now);
  if (!result.changed) return result;
  writes.stepsExecuted++;
  runDueTimers(instance, user, foldResult(instance, user, result, input, now, writes, instance.currentNodeId), now, writes);
  return result;
}

/** Enter a user into a journey; returns the new instance, or undefined when the input does not enter. */
export function enterJourney(
  journey: EnterableJourney,
  user: UserState,
  input: JourneyInput,
  now: number,
  writes: BatchWrites,
  newId: () => string,
): InstanceState | undefined {
  const probe = step(journey.compiled, undefined, input, now);
  if (!probe.entered) return undefined;
  const instance: InstanceState = {
    id: newId(),
    projectId: journey.projectId,
    journeyId: journey.id,
    versionId: journey.versionId,
    userId: user.row.id,
    status: 'active',
    snapshot: probe.snapshot,
    currentNodeId: probe.nodeId,
    waitingFor: [],
    timerId: null,
    loadedLockVersion: 0,
    enteredAt: new Date(now),
    endedAt: null,
    compiled: journey.compiled,
    isNew: true,
    dirty: true,
    newSteps: [],
  };
  writes.stepsExecuted++;
  user.instances.push(instance);
  runDueTimers(instance, user, foldResult(instance, user, probe, input, now, writes, undefined), now, writes);
  const previous = user.entries.get(journey.id);
  user.entries.set(journey.id, { lastEnteredAt: new Date(now), active: instance.status === 'active', count: (previous?.count ?? 0) + 1 });
  return instance;
}

type ScheduleEffect = Extract<Effect, { kind: 'schedule' }>;
/** A timer a step scheduled that is already due: run inline, not through the outbox. */
type InlineTimer = { timerId: string; effect: ScheduleEffect };

/** Runs a chain of already-due timers inline; what is left past the limit goes to the outbox, due now. */
function runDueTimers(instance: InstanceState, user: UserState, first: InlineTimer | undefined, now: number, writes: BatchWrites): void {
  let due = first;
  for (let chained = 0; due && chained < INLINE_TIMER_LIMIT; chained++) {
    const input: JourneyInput = { kind: 'timer', timerId: due.timerId, user: user.facts, history: user.history, segments: user.segments };
    const result = step(instance.compiled, instance.snapshot, input, now);
    if (!result.changed) return;
    writes.stepsExecuted++;
    due = foldResult(instance, user, result, input, now, writes, instance.currentNodeId);
  }
  if (due) writes.outbox.push(outboxRow(instance, due.effect, new Date(now)));
}

/**
 * Folds a step result in, its step log entries included (`from`: the node before the step, undefined
 * when it entered); returns a timer that is already due, for the caller to run inline.
 */
function foldResult(
  instance: InstanceState,
  user: UserState,
  result: StepResult,
  input: JourneyInput,
  now: number,
  writes: BatchWrites,
  from: string | undefined,
): InlineTimer | undefined {
  const { silentHours } = instance.compiled.graph.settings;
  const timeZone = user.facts.timeZone;
  instance.newSteps.push(...stepEntries(instance.compiled.graph, from, result, input, now, (channel) => sendableAt(silentHours, channel, timeZone, now)));
  // A conversion counts at the node the user was at when the goal event came.
  const convertedAt = instance.currentNodeId;
  instance.snapshot = result.snapshot;
  instance.currentNodeId = result.nodeId;
  const waiting = waitingFor(instance.compiled, result.snapshot);
  instance.waitingFor = waiting.events;
  instance.timerId = waiting.timerId ?? null;
  instance.dirty = true;

  let dueTimer: InlineTimer | undefined;
  let exitReason: 'completed' | 'goal' | undefined;
  for (const effect of result.effects) {
    switch (effect.kind) {
      case 'visit':
        bumpCounter(writes, instance.journeyId, effect.nodeId, 'entered');
        break;
      case 'send':
        // Silent hours: the send is due when the user's window opens (the send policy decides).
        writes.outbox.push(outboxRow(instance, effect, new Date(sendableAt(instance.compiled.graph.settings.silentHours, effect.channel, user.facts.timeZone, now))));
        break;
      case 'schedule':
        if (effect.at <= now && effect.timerId === instance.timerId) dueTimer = { timerId: effect.timerId, effect };
        else writes.outbox.push(outboxRow(instance, effect, new Date(effect.at)));
        break;
      case 'cancelTimer':
        writes.cancelledTimers.push({ instanceId: instance.id, timerId: effect.timerId });
        break;
      case 'cancelSend':
        writes.cancelledSends.push({ instanceId: instance.id, idempotencyKey: effect.idempotencyKey });
        break;
      case 'updateTags': {
        const wanted = applyTagOperations(user.facts.tags, effect.operations, { tags: user.facts.tags, event: effect.eventAttributes, user: user.facts });
        // A value of the wrong type for the tag catalogue is not written; the other changes are.
        const checked = checkTagWrites(user.facts.tags, wanted, user.tagTypes);
        for (const tag of checked.created) {
          user.tagTypes.set(tag.name, tag.type);
          writes.createdTags.push({ projectId: instance.projectId, ...tag });
        }
        recordRefusedTags(instance, effect.nodeId, checked.refused, now);
        for (const refused of checked.refused) {
          writes.refusedTagWrites.push({
            projectId: instance.projectId,
            userId: user.row.id,
            externalUserId: user.row.externalId,
            journeyId: instance.journeyId,
            instanceId: instance.id,
            nodeId: effect.nodeId,
            ...refused,
            at: new Date(now),
          });
        }
        user.facts = { ...user.facts, tags: checked.tags };
        user.tagsChanged = true;
        break;
      }
      case 'conversion':
        writes.conversions.push({ projectId: instance.projectId, journeyId: instance.journeyId, instanceId: instance.id, goalId: effect.goalId, nodeId: convertedAt });
        break;
      case 'exit':
        exitReason = effect.reason;
        if (effect.nodeId) bumpCounter(writes, instance.journeyId, effect.nodeId, 'completed');
        break;
    }
  }
  if (result.done) {
    instance.status = exitReason === 'goal' ? 'converted' : 'completed';
    instance.endedAt = new Date(now);
    instance.waitingFor = [];
    instance.timerId = null;
    const entry = user.entries.get(instance.journeyId);
    if (entry) entry.active = user.instances.some((other) => other !== instance && other.journeyId === instance.journeyId && other.status === 'active');
    return undefined;
  }
  return dueTimer;
}

/**
 * The user's story tells a refused tag write (a value of the wrong type) where it happened: the
 * node's "tags updated" entry keeps only the tags written, and each refused one gets its own entry.
 */
function recordRefusedTags(instance: InstanceState, nodeId: string, refused: ReadonlyArray<{ tag: string; reason: string }>, now: number): void {
  if (refused.length === 0) return;
  const names = new Set(refused.map((write) => write.tag));
  const updated = instance.newSteps.findLast((entry) => entry.kind === 'tags-updated' && entry.node === nodeId);
  if (updated?.kind === 'tags-updated') updated.tags = updated.tags.filter((tag) => !names.has(tag));
  for (const write of refused) instance.newSteps.push({ kind: 'tag-refused', node: nodeId, tag: write.tag, reason: write.reason, at: now });
}

function outboxRow(instance: InstanceState, effect: Effect, dueAt: Date) {
  return { projectId: instance.projectId, instanceId: instance.id, effect, dueAt };
}

function bumpCounter(writes: BatchWrites, journeyId: string, nodeId: string, field: 'entered' | 'completed'): void {
  const key = `${journeyId}\u0000${nodeId}`;
  const counter = writes.counters.get(key) ?? { entered: 0, completed: 0 };
  counter[field]++;
  writes.counters.set(key, counter);
}
