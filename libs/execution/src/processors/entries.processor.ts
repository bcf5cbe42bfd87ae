import { Processor } from '@nestjs/bullmq';
import { type Job } from 'bullmq';
import { delayWhileUnreachable } from './delay-while-unreachable';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';
import { StepUsers } from '../stepping/step-users.usecase';
import { type EnterUsersJob, QUEUES } from '../queues/queue-names';

@Processor(QUEUES.entries, workerOptions())
export class EntriesProcessor extends EngineWorkerHost {
  constructor(private readonly stepUsers: StepUsers) {
    super();
  }

  async process(job: Job<EnterUsersJob>, token?: string): Promise<void> {
    const { journeyId, entryNodeId, attributes, userIds } = job.data;
    await delayWhileUnreachable(job, token, () =>
      this.stepUsers.step({
        userIds,
        withEvents: false,
        entries: userIds.map((userId) => ({ userId, journeyId, entryNodeId, attributes })),
      }),
    );
  }
}
