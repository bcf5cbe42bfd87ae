import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SweeperRunStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';
import { Sweep } from './sweep.usecase';

/** The advisory lock that keeps sweeps one at a time across every worker process ("SWEEP"). */
const SWEEP_LOCK_KEY = 0x5357_4550;

/**
 * Runs the sweeper every `sweepEveryMs` in each process that runs workers, one sweep at a time
 * across all of them (a PostgreSQL advisory lock). Driven by a timer and the database, not by a
 * queue's job schedule: losing the queue's data (a Redis flush) cannot stop the sweeper that
 * restores it. Each completed sweep is recorded (SweeperRunStore), so /health can tell when
 * sweeps stop.
 */
@Injectable()
export class SweepTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepTimer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sweep: Sweep,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EXECUTION_CONFIG) private readonly config: ExecutionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Sweeps every `sweepEveryMs` from now on (a no-op when already started). */
  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    }, this.config.sweepEveryMs);
  }

  /** No more sweeps from this process; resolves once a sweep in progress is over. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep, unless another process is sweeping right now. Failures are logged and retried next time. */
  private async sweepOnce(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SWEEP_LOCK_KEY]);
        if (!locked) return;
        await this.sweep.sweep();
        await SweeperRunStore.recordCompleted(manager, this.config.queuePrefix, new Date());
      });
    } catch (error) {
      this.logger.warn(`Sweep failed, trying again in ${this.config.sweepEveryMs} ms: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
