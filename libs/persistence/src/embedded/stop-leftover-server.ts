import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { StartupFailure } from '../startup/startup-failure';
import { processIsRunning, processName } from './process-state';

const SHUTDOWN_WAIT_MS = 60_000;

/**
 * After the product was killed (SIGKILL, a crash, a power cut), its embedded PostgreSQL may still
 * run without an owner, or have left a postmaster.pid whose process id now belongs to another
 * program. Either would stop the next start: the first is shut down (fast shutdown, which is
 * clean), the second file removed. Returns what it did.
 */
export async function stopLeftoverServer(pgdata: string): Promise<'nothing' | 'stopped-server' | 'removed-stale-pid-file'> {
  const pidFile = join(pgdata, 'postmaster.pid');
  const pid = await readPostmasterPid(pidFile);
  if (pid === null || !processIsRunning(pid)) return 'nothing';
  const name = processName(pid);
  if (name !== null && name !== 'postgres') {
    await unlink(pidFile).catch(() => undefined);
    return 'removed-stale-pid-file';
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + SHUTDOWN_WAIT_MS;
  while (processIsRunning(pid)) {
    if (Date.now() > deadline) throw new StartupFailure(`A PostgreSQL left running on ${pgdata} (pid ${pid}) did not stop: stop it, then start again.`);
    await delay(100);
  }
  return 'stopped-server';
}

async function readPostmasterPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(file, 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
