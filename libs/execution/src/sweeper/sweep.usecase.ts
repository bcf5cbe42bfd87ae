import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Effect } from '@engine/journey';
import { SendOutcomeStore, ThrottleWindowStore } from '@engine/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';
import { enqueueUserBatches } from '../queues/enqueue-user-batches';
import { OutboxDispatcher } from '../queues/outbox-dispatcher';
import { QUEUES } from '../queues/queue-names';

const SWEEP_LIMIT = 5000;

/**
 * PostgreSQL is the source of truth: whatever it says is due but the queues do not hold (a flush, a
 * crash between commit and enqueue, a job that used up its attempts) is queued again. Job ids make a
 * second enqueue harmless; a finished job kept under an outbox row's id is removed so the row's job
 * can be added again. Events jobs have ids of their own each time, so nothing blocks their re-add.
 */
@Injectable()
export class Sweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.events) private readonly eventsQueue: Queue,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(EXECUTION_CONFIG) private readonly config: ExecutionConfig,
  ) {}

  async sweep(now = Date.now()): Promise<{ users: number; outbox: number; replacedFinishedJobs: number }> {
    const before = new Date(now - this.config.sweepGraceMs);
    const users = await this.dataSource.query<Array<{ user_id: string }>>(
      `SELECT DISTINCT user_id FROM events WHERE processed_at IS NULL AND received_at < $1 LIMIT ${SWEEP_LIMIT}`,
      [before],
    );
    // Send outcomes recorded but never applied (the queue lost the job, or the worker died).
    const waitingForOutcome = await SendOutcomeStore.usersWithStaleOutcomes(this.dataSource.manager, before, SWEEP_LIMIT);
    const userIds = [...new Set([...users.map((row) => row.user_id), ...waitingForOutcome])];
    await enqueueUserBatches(this.eventsQueue, userIds);
    const outbox = await this.dataSource.query<Array<{ id: string; effect: Effect; due_at: Date }>>(
      `SELECT id, effect, due_at FROM outbox WHERE status = 'pending' AND due_at < $1 ORDER BY due_at LIMIT ${SWEEP_LIMIT}`,
      [before],
    );
    const replacedFinishedJobs = await this.dispatcher.redispatch(outbox, now);
    await ThrottleWindowStore.deleteExpired(this.dataSource.manager, new Date(now));
    return { users: userIds.length, outbox: outbox.length, replacedFinishedJobs };
  }
}
