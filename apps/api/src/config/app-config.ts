import { DEFAULT_DATABASE_URL } from '@engine/persistence';

/** Settings from the environment, with defaults that work on a developer machine. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** Run the BullMQ workers inside the API process (the single-process default). */
  runWorkers: boolean;
  /** Public base URL, used in printed links and tracking URLs. */
  publicUrl: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}"`);
  const host = env['HOST'] ?? '0.0.0.0';
  return {
    port,
    host,
    databaseUrl: env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL,
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    runWorkers: (env['RUN_WORKERS'] ?? 'true') !== 'false',
    publicUrl: env['PUBLIC_URL'] ?? `http://localhost:${port}`,
  };
}
