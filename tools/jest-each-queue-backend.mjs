// Runs a project's jest suite once per queue backend (TEST_QUEUE_BACKEND=postgres, then redis): the
// suites that touch queues are one matrix, not a copy of each spec. TEST_QUEUE_BACKEND=<one> runs
// that one only. Arguments go to jest.
//
// On a machine with nothing but Node.js there is no Redis: the Redis pass is then skipped, and
// says so. In CI (CI=true) a missing Redis fails the run instead.
import { spawnSync } from 'node:child_process';
import { portAnswers } from './local-ports.mjs';

const BACKENDS = ['postgres', 'redis'];
const chosen = process.env['TEST_QUEUE_BACKEND'];
if (chosen !== undefined && !BACKENDS.includes(chosen)) {
  console.error(`TEST_QUEUE_BACKEND must be one of ${BACKENDS.join(', ')}, got "${chosen}"`);
  process.exit(2);
}
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redis = new URL(redisUrl);

let failed = false;
for (const backend of chosen ? [chosen] : BACKENDS) {
  if (backend === 'redis' && !(await portAnswers(redis.hostname, Number(redis.port || 6379)))) {
    const message = `queues on redis: nothing answers at ${redisUrl}`;
    if (process.env['CI'] === 'true') {
      console.error(`\n${message}: CI runs every suite on both queue backends`);
      failed = true;
    } else {
      console.log(`\n--- ${message}: skipped (start Redis or set REDIS_URL to run this pass) ---`);
    }
    continue;
  }
  console.log(`\n--- queues on ${backend} ---`);
  const run = spawnSync('npx', ['jest', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_QUEUE_BACKEND: backend },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
