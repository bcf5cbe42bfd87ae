// The workspace test command: typecheck, lint and test every project through Nx, then print
// one closing line with the totals of all jest and vitest runs ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-artifacts', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });

// The browser tests of apps/web drive Chromium: install it first on a fresh machine.
const chromium = spawnSync('bash', [join(root, 'tools', 'ensure-chromium.sh')], { cwd: root, stdio: 'inherit' });
if (chromium.status !== 0) {
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(chromium.status ?? 1);
}

const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'typecheck', 'lint', 'test', '--parallel=2', '--outputStyle=stream', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // Two projects test at once, each with apps whose PostgreSQL-backed queues hold ~40
    // connections at the default pool size: one connection per queue pool keeps the pair well under
    // PostgreSQL's default limit of 100 (the code path is the same; only the pool is smaller).
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', QUEUE_POOL_MAX: process.env['QUEUE_POOL_MAX'] ?? '1' },
  },
);

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
