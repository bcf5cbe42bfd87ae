import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the built journey builder is: WEB_DIST_DIR, else apps/web/dist (this file sits in
 * apps/api/src/web-assets or apps/api/dist/web-assets, three levels below apps/). Undefined
 * when it has not been built.
 */
export function webAssetsDirectory(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const directory = resolve(environment['WEB_DIST_DIR'] ?? join(__dirname, '..', '..', '..', 'web', 'dist'));
  return existsSync(join(directory, 'index.html')) ? directory : undefined;
}

/** Paths the API owns: never answered with the web app, so unknown ones stay JSON 404s. */
const API_PREFIXES = ['/api', '/health', '/webhooks', '/t/'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}
