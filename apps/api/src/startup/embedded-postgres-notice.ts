import { relative } from 'node:path';
import { type EmbeddedPostgresServer } from '@engine/persistence';

/** The one line printed when the API runs its own PostgreSQL. */
export function embeddedPostgresNotice(server: Pick<EmbeddedPostgresServer, 'port' | 'pgdata'>, cwd: string = process.cwd()): string {
  const where = relative(cwd, server.pgdata);
  const shown = where && !where.startsWith('..') ? where : server.pgdata;
  return `Running an embedded PostgreSQL on 127.0.0.1:${server.port} with its data in ${shown} (kept across restarts); to use your own PostgreSQL instead, set DATABASE_URL=postgres://user:password@host:5432/journeys.`;
}
