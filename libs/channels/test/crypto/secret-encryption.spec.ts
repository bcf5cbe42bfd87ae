import { randomBytes } from 'node:crypto';
import { decryptSecret, deriveKey, encryptSecret, isEncryptedSecret, maskSecret, SecretDecryptionError } from '../../src';

describe('encryptSecret / decryptSecret', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh IV every time', () => {
    const token = 'EAAGm0PX4ZCpsBAKZC1Lr9x0xyz';
    const first = encryptSecret(token, key);
    const second = encryptSecret(token, key);
    expect(first).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}$/);
    expect(first).not.toBe(second);
    expect(isEncryptedSecret(first)).toBe(true);
    expect(isEncryptedSecret(token)).toBe(false);
    expect(decryptSecret(first, key)).toBe(token);
    expect(decryptSecret(encryptSecret('', key), key)).toBe('');
    expect(decryptSecret(encryptSecret('ünïcødé ✓', key), key)).toBe('ünïcødé ✓');
  });

  it('refuses a wrong key, an altered value, other associated data and garbage', () => {
    const sealed = encryptSecret('secret', key, 'project-1/whatsapp/accessToken');
    expect(decryptSecret(sealed, key, 'project-1/whatsapp/accessToken')).toBe('secret');
    expect(() => decryptSecret(sealed, key, 'project-2/whatsapp/accessToken')).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed, key)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed, randomBytes(32), 'project-1/whatsapp/accessToken')).toThrow(SecretDecryptionError);
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[2], 'base64url');
    flipped[0] = flipped[0] ^ 1;
    expect(() => decryptSecret([parts[0], parts[1], flipped.toString('base64url'), parts[3]].join(':'), key, 'project-1/whatsapp/accessToken')).toThrow(SecretDecryptionError);
    for (const garbage of ['', 'plain', 'v2:a:b:c', 'v1:a:b:c']) expect(() => decryptSecret(garbage, key)).toThrow(SecretDecryptionError);
    expect(() => encryptSecret('x', randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('deriveKey', () => {
  it('derives the same 32-byte key from the same secret, another from another', () => {
    const key = deriveKey('correct horse battery staple');
    expect(key).toHaveLength(32);
    expect(deriveKey('correct horse battery staple').equals(key)).toBe(true);
    expect(deriveKey('correct horse battery staplf').equals(key)).toBe(false);
    expect(() => deriveKey('short')).toThrow(/at least 16/);
  });
});

describe('maskSecret', () => {
  it('shows at most the first 4 and last 3 characters, and never more than a third', () => {
    expect(maskSecret('EAAGm0PX4ZCpsBAKZC1Lr9x0xyz')).toBe('EAAG…xyz');
    for (const secret of ['abcdefghijkl', 'abcdefghi', 'abcdef', 'abcde', 'ab', 'a'.repeat(200)]) {
      const visible = maskSecret(secret).replace('…', '').length;
      expect(visible).toBeLessThanOrEqual(Math.floor(secret.length / 3));
      expect(visible).toBeLessThanOrEqual(7);
    }
    expect(maskSecret('abcdefghijkl')).toBe('abc…l');
    expect(maskSecret('abcde')).toBe('…');
    expect(maskSecret('')).toBe('');
  });
});
