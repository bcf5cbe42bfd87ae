import {
  ConversionStore,
  EventStore,
  InstanceStore,
  MessageStore,
  NodeCounterStore,
  OutboxStore,
  SendOutcomeStore,
  TagDefinitionStore,
  UserStore,
  type WrittenOutboxRow,
} from '@engine/persistence';
import { ENDED_WHILE_HELD } from '@engine/journey';
import { type EntityManager } from 'typeorm';
import { type LoadedBatch } from './apply-inputs';
import { type BatchWrites } from './batch-state';

/**
 * Writes a batch's results through the tables' stores, each with a set-based statement (arrays
 * through `unnest`), so the cost per step stays small however many steps a batch holds. Returns
 * the outbox rows to enqueue.
 */
export async function writeBatch(manager: EntityManager, batch: LoadedBatch, writes: BatchWrites): Promise<WrittenOutboxRow[]> {
  const users = [...batch.users.values()];
  await UserStore.writeTags(
    manager,
    users.filter((user) => user.tagsChanged).map((user) => ({ id: user.row.id, tags: user.facts.tags })),
  );

  const createdByProject = new Map<string, BatchWrites['createdTags']>();
  for (const tag of writes.createdTags) createdByProject.set(tag.projectId, [...(createdByProject.get(tag.projectId) ?? []), tag]);
  for (const [projectId, tags] of createdByProject) await TagDefinitionStore.register(manager, projectId, tags);

  const instances = users.flatMap((user) => user.instances).filter((instance) => instance.dirty);
  await InstanceStore.insert(manager, instances.filter((instance) => instance.isNew));
  await InstanceStore.update(manager, instances.filter((instance) => !instance.isNew));

  const outbox = await OutboxStore.insert(manager, writes.outbox);
  await ConversionStore.record(manager, writes.conversions);
  await EventStore.markProcessed(manager, writes.processedEventIds);
  await OutboxStore.markTimersFired(manager, writes.consumedTimerOutboxIds);
  await OutboxStore.cancelTimers(manager, writes.cancelledTimers);
  await OutboxStore.cancelSends(manager, writes.cancelledSends);
  await MessageStore.cancelRetrying(manager, writes.cancelledSends, ENDED_WHILE_HELD);
  await SendOutcomeStore.markApplied(manager, writes.appliedOutcomeIds);
  await MessageStore.appendEngagement(manager, writes.messageStatuses);
  // Last: see NodeCounterStore.add.
  await NodeCounterStore.add(
    manager,
    [...writes.counters].map(([key, count]) => {
      const [journeyId, nodeId] = key.split('\u0000') as [string, string];
      return { journeyId, nodeId, entered: count.entered, completed: count.completed };
    }),
  );
  return outbox;
}
