import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupFailure } from '@engine/persistence';

const MIN_LENGTH = 16;

/**
 * The secret channel credentials are sealed with and tracking links signed with: ENCRYPTION_KEY
 * when set; otherwise (never in production) a random key made on the first start and kept in
 * `<dataDir>/encryption-key` (mode 0600), which the api and the workers of one machine share.
 * Returns it with where it came from.
 */
export function resolveEncryptionKey(env: NodeJS.ProcessEnv, dataDir: string): { key: string; source: 'environment' | 'created' | 'file'; file?: string } {
  const configured = env['ENCRYPTION_KEY'];
  if (configured) {
    if (configured.length < MIN_LENGTH) throw new StartupFailure(`ENCRYPTION_KEY must be at least ${MIN_LENGTH} characters long.`);
    return { key: configured, source: 'environment' };
  }
  if (env['NODE_ENV'] === 'production') {
    throw new StartupFailure(
      `ENCRYPTION_KEY is not set: with NODE_ENV=production, set it to a random secret of ${MIN_LENGTH}+ characters (the same for the api and every worker), e.g. openssl rand -base64 32.`,
    );
  }
  const file = join(dataDir, 'encryption-key');
  const kept = readKeyFile(file);
  if (kept) return { key: kept, source: 'file', file };
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error: unknown) {
    // Another process (a worker starting beside the api) made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readKeyFile(file);
  if (!created) throw new StartupFailure(`${file} is empty: delete it and start again, or set ENCRYPTION_KEY.`);
  return { key: created, source: 'created', file };
}

function readKeyFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
