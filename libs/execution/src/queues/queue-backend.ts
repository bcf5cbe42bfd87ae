import {
  createPostgresBackend,
  type PostgresPoolConfig,
  Queue,
  type QueueOptions,
  setDefaultBackendFactory,
} from 'bullmq';

/**
 * Where BullMQ keeps the work in flight: Redis when the team runs one (roughly ten times the queue
 * throughput), otherwise PostgreSQL, in the product's own database and a schema of its own.
 */
export type QueueBackend = { kind: 'redis'; url: string } | { kind: 'postgres'; url: string };

/** Redis when `REDIS_URL` is set; otherwise PostgreSQL at `databaseUrl`. */
export function queueBackendFromEnv(env: NodeJS.ProcessEnv, databaseUrl: string): QueueBackend {
  const redisUrl = env['REDIS_URL'];
  return redisUrl ? { kind: 'redis', url: redisUrl } : { kind: 'postgres', url: databaseUrl };
}

/** The PostgreSQL schema that holds a queue prefix's queues (the SQL counterpart of a Redis key prefix). */
export function queueSchema(prefix: string): string {
  const name = `queues_${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
  return name.slice(0, 63);
}

/**
 * Connections a PostgreSQL-backed queue or worker may hold besides its LISTEN connection
 * (`QUEUE_POOL_MAX`, 2 by default). Every queue and worker has a pool of its own: a process with
 * its ten queues and ten workers holds about 40 connections at 2 (30 at 1, ~17 % slower in the
 * engine bench), well under PostgreSQL's default of 100.
 */
export function queuePoolMax(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['QUEUE_POOL_MAX'];
  if (raw === undefined || raw === '') return 2;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`QUEUE_POOL_MAX must be a positive whole number, got "${raw}"`);
  return value;
}

/**
 * BullMQ's options for one process's queues and workers. On PostgreSQL the queue tables are not
 * our source of truth (the outbox and the events table are, and the sweeper re-queues what a queue
 * lost), so their commits need not wait for the disk.
 */
export function queueConnection(backend: QueueBackend, prefix: string): Pick<QueueOptions, 'connection' | 'prefix'> {
  if (backend.kind === 'redis') return { connection: redisOptionsFromUrl(backend.url), prefix };
  const postgres: PostgresPoolConfig = {
    connectionString: backend.url,
    schema: queueSchema(prefix),
    migrate: true,
    max: queuePoolMax(),
    options: '-c synchronous_commit=off',
    application_name: 'journey-engine-queues',
  };
  // Typed as Redis options by BullMQ's classes; the backend chosen with `selectQueueBackend` reads
  // it as a PostgreSQL pool config.
  return { connection: postgres };
}

/**
 * Points every BullMQ class this process creates at the backend. A process runs on one backend;
 * calling it again switches (tests of both backends run in separate processes).
 */
export function selectQueueBackend(backend: QueueBackend): void {
  setDefaultBackendFactory(backend.kind === 'postgres' ? createPostgresBackend : undefined);
}

/** A queue on the given backend, outside Nest (tests, benchmarks, tools). Close it when done. */
export function openQueue(name: string, backend: QueueBackend, prefix: string): Queue {
  selectQueueBackend(backend);
  return new Queue(name, queueConnection(backend, prefix));
}

/** ioredis options from a redis:// URL (BullMQ takes options, not URLs). */
export function redisOptionsFromUrl(url: string): { host: string; port: number; username?: string; password?: string; db?: number } {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
  };
}
