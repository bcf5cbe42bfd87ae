// Browser tests: the real API (fresh PostgreSQL database, own Redis prefix, workers running)
// serving apps/web/dist, driven in Debian's Chromium with playwright-core. Needs a build of
// apps/web first (the Nx `test` target depends on `build`). Results land in
// test-artifacts/test-results/web-e2e.json like every other jest project.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const preset = require('../../jest.preset.js');

export default preset({
  displayName: 'web-e2e',
  rootDir: dirname(fileURLToPath(import.meta.url)),
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 120_000,
});
