import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '@engine/persistence';
import { CompiledJourneys } from '../journeys/compiled-journeys';
import { EngineMetrics } from '../metrics/engine-metrics';
import { OutboxDispatcher } from '../queues/outbox-dispatcher';
import { applyInputs } from './apply-inputs';
import { type FiredTimer, type EntryRequest } from './batch-state';
import { loadBatch } from './load-batch';
import { writeBatch } from './write-batch';

export interface StepUsersCommand {
  userIds: string[];
  /** Apply the users' stored, unprocessed events and unapplied send outcomes. */
  withEvents: boolean;
  timers?: FiredTimer[];
  entries?: EntryRequest[];
}

export interface StepUsersResult {
  steps: number;
  nodeExecutions: number;
  outboxRows: number;
}

/**
 * The engine's one way to move users: lock them, load, step in memory, write everything and the
 * outbox in one transaction, then enqueue the outbox. If enqueueing fails after the commit, the
 * sweeper finds the pending rows later.
 */
@Injectable()
export class StepUsers {
  private readonly logger = new Logger(StepUsers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compiled: CompiledJourneys,
    private readonly dispatcher: OutboxDispatcher,
    private readonly metrics: EngineMetrics,
  ) {}

  async step(command: StepUsersCommand): Promise<StepUsersResult> {
    if (command.userIds.length === 0) return { steps: 0, nodeExecutions: 0, outboxRows: 0 };
    const entries = command.entries ?? [];
    const { outbox, steps, nodeExecutions, refusedTagWrites } = await inTransaction(this.dataSource, async (manager) => {
      const now = Date.now();
      const { batch, events, outcomes } = await loadBatch(manager, this.compiled, {
        now,
        userIds: command.userIds,
        withEvents: command.withEvents,
        entryJourneyIds: [...new Set(entries.map((entry) => entry.journeyId))],
      });
      const writes = applyInputs(batch, { events, outcomes, timers: command.timers ?? [], entries }, { now, newId: randomUUID });
      const rows = await writeBatch(manager, batch, writes);
      let visits = 0;
      for (const counter of writes.counters.values()) visits += counter.entered;
      return { outbox: rows, steps: writes.stepsExecuted, nodeExecutions: visits, refusedTagWrites: writes.refusedTagWrites };
    });
    // Not yet on the user's story: logged (after the commit, so a retried transaction logs once).
    for (const refused of refusedTagWrites) {
      this.logger.warn(
        `update.tags not written: user "${refused.externalUserId}", journey ${refused.journeyId}, node ${refused.nodeId}: ${refused.reason}`,
      );
    }
    this.metrics.steps.inc(steps);
    this.metrics.nodeExecutions.inc(nodeExecutions);
    await this.dispatcher.dispatch(outbox);
    return { steps, nodeExecutions, outboxRows: outbox.length };
  }
}
