import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';
import { QUEUES } from '../queues/queue-names';
import { Sweep } from '../sweeper/sweep.usecase';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';

/** Runs the sweeper on a BullMQ job scheduler: one sweep at a time however many workers run. */
@Processor(QUEUES.maintenance, workerOptions())
export class MaintenanceProcessor extends EngineWorkerHost {
  constructor(
    private readonly sweep: Sweep,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @Inject(EXECUTION_CONFIG) private readonly config: ExecutionConfig,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = 1;
    await this.queue.upsertJobScheduler('sweep', { every: this.config.sweepEveryMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } });
  }

  async process(): Promise<void> {
    await this.sweep.execute();
  }
}
