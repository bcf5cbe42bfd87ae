import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded server's superuser password: made at random when the server is created, kept in
 * `<dataDir>/postgres-password` (mode 0600), read on every later start.
 */
export async function embeddedPostgresPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (kept) return kept;
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}
