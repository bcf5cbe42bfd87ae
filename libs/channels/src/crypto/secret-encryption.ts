import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretDecryptionError extends Error {
  override readonly name = 'SecretDecryptionError';
}

/**
 * Seals a credential for the database: AES-256-GCM with a fresh 12-byte IV, written as
 * `v1:<iv>:<ciphertext>:<tag>` (base64url parts; the version leaves room for a new scheme or
 * key). `associatedData` (e.g. `projectId/channel/field`) binds the value to where it is stored:
 * copied to another row it no longer decrypts.
 */
export function encryptSecret(plain: string, key: Buffer, associatedData?: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
}

/** The plain text of `encryptSecret`'s output; throws SecretDecryptionError for a wrong key, altered value or other associated data. */
export function decryptSecret(sealed: string, key: Buffer, associatedData?: string): string {
  assertKey(key);
  const parts = typeof sealed === 'string' ? sealed.split(':') : [];
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretDecryptionError('Not an encrypted secret (v1:iv:ciphertext:tag expected)');
  const [, iv, ciphertext, tag] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretDecryptionError('Malformed encrypted secret');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new SecretDecryptionError('The secret does not decrypt: wrong key, altered value or other associated data', { cause: error });
  }
}

/** Whether a stored value is already sealed (so a re-save does not encrypt it twice). */
export function isEncryptedSecret(value: unknown): value is string {
  return typeof value === 'string' && /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]*:[A-Za-z0-9_-]{22}$/.test(value);
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== 32) throw new Error('The encryption key must be 32 bytes (see deriveKey)');
}
