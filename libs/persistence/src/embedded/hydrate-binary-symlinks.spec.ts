import { mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hydrateBinarySymlinks } from './hydrate-binary-symlinks';

describe('hydrateBinarySymlinks', () => {
  let packageDir: string;

  beforeEach(() => {
    packageDir = mkdtempSync(join(tmpdir(), 'pg-binaries-'));
    mkdirSync(join(packageDir, 'native', 'lib'), { recursive: true });
    writeFileSync(join(packageDir, 'native', 'lib', 'libpq.so.5.18'), '');
  });

  afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

  it('creates the listed links, relative to their folder, once', async () => {
    writeFileSync(
      join(packageDir, 'native', 'pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so' },
        { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' },
      ]),
    );
    expect(await hydrateBinarySymlinks(packageDir)).toBe(2);
    expect(readlinkSync(join(packageDir, 'native', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(await hydrateBinarySymlinks(packageDir)).toBe(0);
  });

  it('does nothing for a package without a list', async () => {
    expect(await hydrateBinarySymlinks(packageDir)).toBe(0);
  });
});
