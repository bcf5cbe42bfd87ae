import { Processor } from '@nestjs/bullmq';
import { type Job } from 'bullmq';
import { delayWhileUnreachable } from './delay-while-unreachable';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';
import { type OutboxJob, QUEUES } from '../queues/queue-names';
import { FireTimers } from '../timers/fire-timer.usecase';

@Processor(QUEUES.timers, workerOptions())
export class TimersProcessor extends EngineWorkerHost {
  constructor(private readonly fireTimer: FireTimers) {
    super();
  }

  async process(job: Job<OutboxJob>, token?: string): Promise<void> {
    await delayWhileUnreachable(job, token, () => this.fireTimer.fireTimer(job.data.outboxId));
  }
}
