import { executionConfigFromEnv, type ExecutionConfig } from '@engine/execution';
import { DEFAULT_DATABASE_URL } from '@engine/persistence';

/** Settings from the environment, with defaults that work on a developer machine. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Public base URL, used in printed links and tracking URLs; cookies are Secure when it is https. */
  publicUrl: string;
  /** Where the demo project's API key is kept between starts (git-ignored). */
  demoKeyFile: string;
  /** The first owner's email, created with the first start on an empty database (OWNER_EMAIL). */
  ownerEmail: string;
  /** When set (METRICS_TOKEN), GET /metrics needs "Authorization: Bearer <token>". */
  metricsToken?: string;
  /** The clock of sessions, links and rate limits; tests pass their own. */
  clock?: () => Date;
  /** Queues and workers; `execution.runWorkers` runs them in the API process (the single-process default). */
  execution: ExecutionConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}"`);
  const metricsToken = env['METRICS_TOKEN']?.trim();
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl: env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL,
    publicUrl: env['PUBLIC_URL'] ?? `http://localhost:${port}`,
    demoKeyFile: env['DEMO_KEY_FILE'] ?? '.demo-api-key',
    ownerEmail: env['OWNER_EMAIL']?.trim() || 'owner@localhost',
    ...(metricsToken ? { metricsToken } : {}),
    execution: { ...executionConfigFromEnv(env), publicUrl: env['PUBLIC_URL'] ?? `http://localhost:${port}` },
  };
}
