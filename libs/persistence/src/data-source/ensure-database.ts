import { Client } from 'pg';

/**
 * Creates the database named in `url` when it does not exist yet, so the start command works on a
 * fresh PostgreSQL. Connects to the `postgres` maintenance database to do it.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Database name "${name}" in DATABASE_URL is not a plain name`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    // UTF8 whatever the server's default (an embedded cluster from an older release is SQL_ASCII).
    const [template] = (await client.query<{ encoding: string }>(`SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'template1'`)).rows;
    await client.query(template?.encoding === 'UTF8' ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    return true;
  } finally {
    await client.end();
  }
}
