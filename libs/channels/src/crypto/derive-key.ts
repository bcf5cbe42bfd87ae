import { scryptSync } from 'node:crypto';

// A fixed salt: the key must come out the same on every start. The env secret carries the entropy.
const SALT = 'journey-engine/channel-secrets/v1';
const MIN_SECRET_LENGTH = 16;

/**
 * The 32-byte AES key for channel credentials, from an environment secret (e.g.
 * `CHANNEL_SECRETS_KEY`). scrypt makes a weak secret slow to guess; call it once at start-up.
 */
export function deriveKey(secret: string): Buffer {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The secret to derive the encryption key from must have at least ${MIN_SECRET_LENGTH} characters`);
  }
  return scryptSync(secret, SALT, 32, { N: 16384, r: 8, p: 1 });
}
