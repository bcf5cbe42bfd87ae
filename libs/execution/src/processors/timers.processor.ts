import { Processor } from '@nestjs/bullmq';
import { type Job } from 'bullmq';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';
import { type OutboxJob, QUEUES } from '../queues/queue-names';
import { FireTimers } from '../timers/fire-timer.usecase';

@Processor(QUEUES.timers, workerOptions())
export class TimersProcessor extends EngineWorkerHost {
  constructor(private readonly fireTimer: FireTimers) {
    super();
  }

  async process(job: Job<OutboxJob>): Promise<void> {
    await this.fireTimer.execute(job.data.outboxId);
  }
}
