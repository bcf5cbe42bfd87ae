import { createHash, randomBytes } from 'node:crypto';

/** API keys look like `jk_<43 url-safe chars>`: 32 random bytes. */
export function generateApiKey(): string {
  return `jk_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, 7);
}
