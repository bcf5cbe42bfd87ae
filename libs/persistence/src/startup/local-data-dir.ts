import { resolve } from 'node:path';

/** Where the product keeps what it needs between starts on one machine (`.data`, git-ignored; `DATA_DIR` moves it). */
export function localDataDir(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  return resolve(cwd, env['DATA_DIR'] || '.data');
}
