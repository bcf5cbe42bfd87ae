import { executionConfigFromEnv, type ExecutionConfig } from '@engine/execution';
import { DEFAULT_DATABASE_URL } from '@engine/persistence';

export interface WorkerConfig {
  databaseUrl: string;
  execution: ExecutionConfig;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return {
    databaseUrl: env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL,
    // A worker process always runs the processors; that is its only job.
    execution: { ...executionConfigFromEnv(env), runWorkers: true },
  };
}
