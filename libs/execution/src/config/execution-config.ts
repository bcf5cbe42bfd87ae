import { DEFAULT_DATABASE_URL } from '@engine/persistence';
import { type QueueBackend, queueBackendFromEnv } from '../queues/queue-backend';

/** How the execution layer runs; the apps build it from their environment. */
export interface ExecutionConfig {
  /** Where the queues live: Redis, or PostgreSQL in the product's database. */
  queueBackend: QueueBackend;
  /** Namespaces the queues (a Redis key prefix, a PostgreSQL schema): tests use a fresh one per run so runs never share queues. */
  queuePrefix: string;
  /** Register the BullMQ processors in this process. */
  runWorkers: boolean;
  /** Jobs a worker process runs at once per queue. */
  concurrency: number;
  /** How often the sweeper looks for work the queues lost, and how old such work must be. */
  sweepEveryMs: number;
  sweepGraceMs: number;
  /** Secret the channel credentials are sealed with (and tracking links signed with); 16+ characters. */
  encryptionKey: string;
  /** The engine's public URL: tracking links in emails and pushes point here. */
  publicUrl: string;
  /** Let channel providers reach loopback and private addresses (development, tests, on-prem gateways). */
  allowPrivateNetworks: boolean;
  /** Diagnostics: a file the sandbox appends each delivery's idempotency key to (crash tests use it). */
  sandboxDeliveryLog?: string;
}

export const EXECUTION_CONFIG = Symbol('EXECUTION_CONFIG');

export function executionConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ExecutionConfig {
  return {
    queueBackend: queueBackendFromEnv(env, env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL),
    queuePrefix: env['QUEUE_PREFIX'] ?? 'journeys',
    runWorkers: (env['RUN_WORKERS'] ?? 'true') !== 'false',
    concurrency: positiveInt(env['WORKER_CONCURRENCY'], 20, 'WORKER_CONCURRENCY'),
    sweepEveryMs: positiveInt(env['SWEEP_EVERY_MS'], 10_000, 'SWEEP_EVERY_MS'),
    sweepGraceMs: positiveInt(env['SWEEP_GRACE_MS'], 30_000, 'SWEEP_GRACE_MS'),
    encryptionKey: requiredEncryptionKey(env),
    publicUrl: env['PUBLIC_URL'] ?? `http://localhost:${env['PORT'] ?? 3000}`,
    allowPrivateNetworks: env['ALLOW_PRIVATE_NETWORKS'] === 'true',
    ...(env['SANDBOX_DELIVERY_LOG'] ? { sandboxDeliveryLog: env['SANDBOX_DELIVERY_LOG'] } : {}),
  };
}

/** The apps put ENCRYPTION_KEY in the env they pass here (see resolveEncryptionKey): there is no fallback. */
function requiredEncryptionKey(env: NodeJS.ProcessEnv): string {
  const key = env['ENCRYPTION_KEY'];
  if (!key) throw new Error('ENCRYPTION_KEY is not set: resolve it with resolveEncryptionKey() before loading the config');
  return key;
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}
