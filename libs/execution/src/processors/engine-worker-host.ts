import { WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';

/** A BullMQ processor whose concurrency comes from the configuration, not from a decorator constant. */
export abstract class EngineWorkerHost extends WorkerHost implements OnApplicationBootstrap {
  @Inject(EXECUTION_CONFIG) protected readonly executionConfig!: ExecutionConfig;

  onApplicationBootstrap(): Promise<void> | void {
    this.worker.concurrency = this.executionConfig.concurrency;
  }
}
