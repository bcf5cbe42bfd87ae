import { Processor } from '@nestjs/bullmq';
import { type Job } from 'bullmq';
import { delayWhileUnreachable } from './delay-while-unreachable';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';
import { StepUsers } from '../stepping/step-users.usecase';
import { type ProcessEventsJob, QUEUES } from '../queues/queue-names';

@Processor(QUEUES.events, workerOptions())
export class EventsProcessor extends EngineWorkerHost {
  constructor(private readonly stepUsers: StepUsers) {
    super();
  }

  async process(job: Job<ProcessEventsJob>, token?: string): Promise<void> {
    await delayWhileUnreachable(job, token, () => this.stepUsers.step({ userIds: job.data.userIds, withEvents: true }));
  }
}
