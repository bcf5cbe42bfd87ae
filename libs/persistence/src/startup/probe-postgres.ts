import { Client } from 'pg';
import { connectionFailureReason } from './connection-failure-reason';
import { maskUrlPassword } from './mask-url-password';

/** PostgreSQL's "database does not exist": the server answers, and the API creates the database. */
const UNDEFINED_DATABASE = '3D000';

/**
 * One connection attempt with a short timeout. Resolves to null when the server answers, or to a
 * short reason ("ECONNREFUSED", "password authentication failed for user ...").
 */
export async function probePostgres(url: string, timeoutMs = 3000): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return null;
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (code === UNDEFINED_DATABASE) return null;
    return connectionFailureReason(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The one-line failure for a PostgreSQL that does not answer at start. */
export function postgresUnreachableMessage(url: string, reason: string, advice: string): string {
  return `PostgreSQL at ${maskUrlPassword(url)} does not answer (${reason}). ${advice}`;
}
