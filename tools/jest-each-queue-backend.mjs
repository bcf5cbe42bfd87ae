// Runs a project's jest suite once per queue backend (TEST_QUEUE_BACKEND=postgres, then redis): the
// suites that touch queues are one matrix, not a copy of each spec. TEST_QUEUE_BACKEND=<one> runs
// that one only. Arguments go to jest.
import { spawnSync } from 'node:child_process';

const BACKENDS = ['postgres', 'redis'];
const chosen = process.env['TEST_QUEUE_BACKEND'];
if (chosen !== undefined && !BACKENDS.includes(chosen)) {
  console.error(`TEST_QUEUE_BACKEND must be one of ${BACKENDS.join(', ')}, got "${chosen}"`);
  process.exit(2);
}

let failed = false;
for (const backend of chosen ? [chosen] : BACKENDS) {
  console.log(`\n--- queues on ${backend} ---`);
  const run = spawnSync('npx', ['jest', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_QUEUE_BACKEND: backend },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
