import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EventStore, inTransaction, UserStore } from '@engine/persistence';
import { EngineMetrics } from '../metrics/engine-metrics';
import { enqueueUserBatches } from '../queues/enqueue-user-batches';
import { withDeadline } from '../queues/with-deadline';
import { summarizeEventBatch } from './summarize-event-batch';
import { QUEUES } from '../queues/queue-names';

export interface IncomingEvent {
  /** The customer's id of the user; unknown users are created. */
  userId: string;
  name: string;
  attributes: Record<string, unknown>;
  occurredAt: Date;
  idempotencyKey?: string;
}

export interface IngestResult {
  accepted: number;
  /** Events whose idempotency key was seen before: accepted and ignored. */
  duplicates: number;
}

/**
 * Stores events durably (one transaction), then queues their users for stepping. Once this
 * resolves the events are safe: if queueing fails, the sweeper picks the unprocessed rows up.
 */
/** How long ingestion waits for the queue after the events are committed. */
const ENQUEUE_DEADLINE_MS = 2_000;

@Injectable()
export class IngestEvents {
  private readonly logger = new Logger(IngestEvents.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.events) private readonly eventsQueue: Queue,
    private readonly metrics: EngineMetrics,
  ) {}

  async ingest(projectId: string, events: IncomingEvent[]): Promise<IngestResult> {
    if (events.length === 0) return { accepted: 0, duplicates: 0 };
    // Retried on a deadlock: batches repeating idempotency keys in other orders can still collide.
    const inserted = await inTransaction(this.dataSource, async (manager) => {
      const idByExternal = await UserStore.ensureExist(manager, projectId, events.map((event) => event.userId), { seenAt: new Date() });
      const stored = await EventStore.insert(
        manager,
        projectId,
        events.map((event) => ({ ...event, userId: idByExternal.get(event.userId)!, idempotencyKey: event.idempotencyKey ?? null })),
      );
      // Last, so a name row locked for its hourly refresh is held only until the commit.
      await EventStore.recordNames(manager, projectId, events.map((event) => event.name));
      return stored;
    });
    this.metrics.eventsIngested.inc(inserted.length);
    try {
      // The catalogue (counts, attribute types) is kept after the commit, in one short statement of
      // its own: its hot name rows are never held across an ingestion transaction. A retried
      // duplicate (same idempotency key) is counted again.
      await EventStore.recordCatalogue(this.dataSource.manager, projectId, summarizeEventBatch(events));
    } catch (error) {
      this.logger.warn(`Events stored but the events catalogue not updated (${String(error)})`);
    }
    try {
      // A queue that does not answer (Redis down) must not hold the answer: the events are committed.
      await withDeadline(enqueueUserBatches(this.eventsQueue, [...new Set(inserted)]), ENQUEUE_DEADLINE_MS, 'events queue');
    } catch (error) {
      // Stored is what we promised; the sweeper will queue these users.
      this.logger.warn(`Events stored but not queued (${String(error)}); the sweeper will pick them up`);
    }
    return { accepted: events.length, duplicates: events.length - inserted.length };
  }
}
