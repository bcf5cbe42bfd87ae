import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { probeRedis, redisUnreachableMessage, resolveEncryptionKey } from '@engine/execution';
import { StartupFailure, localDataDir, postgresUnreachableMessage, probePostgres } from '@engine/persistence';
import { loadWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // The same key as the api's: ENCRYPTION_KEY, or the api's .data/encryption-key on this machine.
  const encryption = resolveEncryptionKey(process.env, localDataDir(process.env));
  const config = loadWorkerConfig({ ...process.env, ENCRYPTION_KEY: encryption.key });
  const databaseReason = await probePostgres(config.databaseUrl);
  if (databaseReason !== null) {
    throw new StartupFailure(
      postgresUnreachableMessage(config.databaseUrl, databaseReason, 'Start it or set DATABASE_URL to the api\'s database (a worker never starts an embedded PostgreSQL).'),
    );
  }
  const redisUrl = process.env['REDIS_URL'];
  if (redisUrl) {
    const redisReason = await probeRedis(redisUrl);
    if (redisReason !== null) throw new StartupFailure(redisUnreachableMessage(redisUrl, redisReason));
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: process.env['LOG_LEVEL'] === 'silent' ? false : undefined,
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`Workers running (concurrency ${config.execution.concurrency}, queues on ${config.execution.queueBackend.kind}, prefix "${config.execution.queuePrefix}")`);
  // Tells a parent process (tests, supervisors) that the workers are consuming.
  process.send?.('ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupFailure ? error.message : error);
  process.exit(1);
});
