import { WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';
import { withDeadline } from '../queues/with-deadline';

/** How long a closing worker lets the jobs in hand finish before it stops anyway (`WORKER_SHUTDOWN_GRACE_MS`). */
function shutdownGraceMs(): number {
  const ms = Number(process.env['WORKER_SHUTDOWN_GRACE_MS'] ?? 15_000);
  return Number.isInteger(ms) && ms >= 0 ? ms : 15_000;
}

/**
 * A BullMQ processor whose concurrency comes from the configuration, not from a decorator
 * constant, and whose shutdown is bounded.
 */
export abstract class EngineWorkerHost extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  @Inject(EXECUTION_CONFIG) protected readonly executionConfig!: ExecutionConfig;

  onApplicationBootstrap(): Promise<void> | void {
    this.worker.concurrency = this.executionConfig.concurrency;
  }

  /**
   * Runs before @nestjs/bullmq's own close: lets the jobs in hand finish (for a bounded time), then
   * closes without waiting on the queue's blocking fetch. After the queue's connection came back
   * from an outage, BullMQ's graceful close could wait on that fetch forever (seen with idle
   * workers after a Redis restart), and the process would never exit. A job cut off by the bound
   * is taken over by another worker (stalled) or the sweeper; a send cut off mid-call is never
   * sent twice.
   */
  async onModuleDestroy(): Promise<void> {
    await withDeadline(this.worker.pause(), shutdownGraceMs(), `finishing the ${this.worker.name} jobs in hand`).catch(() => undefined);
    await this.worker.close(true);
  }
}
