import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: process.env['LOG_LEVEL'] === 'silent' ? false : undefined,
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`Workers running (concurrency ${config.execution.concurrency}, queues on ${config.execution.queueBackend.kind}, prefix "${config.execution.queuePrefix}")`);
  // Tells a parent process (tests, supervisors) that the workers are consuming.
  process.send?.('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
