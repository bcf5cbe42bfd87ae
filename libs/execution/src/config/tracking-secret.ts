import { createHmac } from 'node:crypto';
import { deriveKey } from '@engine/channels';

/** The key tracking links are signed with: derived from the encryption key, never the key itself. */
export function trackingSecret(encryptionKey: string): Buffer {
  return createHmac('sha256', deriveKey(encryptionKey)).update('journey-engine/tracking-links').digest();
}
