import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupFailure } from '@engine/persistence';
import { resolveEncryptionKey } from './encryption-key';

describe('resolveEncryptionKey', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'encryption-key-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes ENCRYPTION_KEY when set and writes no file', () => {
    expect(resolveEncryptionKey({ ENCRYPTION_KEY: 'a-key-of-enough-length' }, join(dir, 'data'))).toEqual({ key: 'a-key-of-enough-length', source: 'environment' });
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it('refuses a short ENCRYPTION_KEY', () => {
    expect(() => resolveEncryptionKey({ ENCRYPTION_KEY: 'short' }, dir)).toThrow(StartupFailure);
  });

  it('creates a random key in <dataDir>/encryption-key, readable by its owner only, and reuses it', () => {
    const data = join(dir, 'data');
    const first = resolveEncryptionKey({}, data);
    expect(first.source).toBe('created');
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(data, 'encryption-key')).mode & 0o777).toBe(0o600);
    expect(resolveEncryptionKey({}, data)).toEqual({ key: first.key, source: 'file', file: join(data, 'encryption-key') });
  });

  it('makes a different key for another data folder', () => {
    expect(resolveEncryptionKey({}, join(dir, 'a')).key).not.toBe(resolveEncryptionKey({}, join(dir, 'b')).key);
  });

  it('refuses to start in production without ENCRYPTION_KEY, even when a key file exists', () => {
    writeFileSync(join(dir, 'encryption-key'), 'kept-key-0123456789\n', { mode: 0o600 });
    expect(() => resolveEncryptionKey({ NODE_ENV: 'production' }, dir)).toThrow(/ENCRYPTION_KEY is not set: with NODE_ENV=production/);
  });
});
