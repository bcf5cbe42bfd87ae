import { Processor } from '@nestjs/bullmq';
import { type Job } from 'bullmq';
import { LaunchSegment, type LaunchSegmentJob } from '../entries/launch-segment.usecase';
import { QUEUES } from '../queues/queue-names';
import { delayWhileUnreachable } from './delay-while-unreachable';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';

@Processor(QUEUES.segments, workerOptions())
export class SegmentsProcessor extends EngineWorkerHost {
  constructor(private readonly launch: LaunchSegment) {
    super();
  }

  async process(job: Job<LaunchSegmentJob>, token?: string): Promise<void> {
    await delayWhileUnreachable(job, token, () => this.launch.launch(job.data.journeyId));
  }
}
