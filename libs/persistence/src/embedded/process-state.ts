import { readFileSync } from 'node:fs';

/** Whether a process runs (a zombie, dead but not yet reaped by its parent, does not). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProcFile(pid, 'stat');
  // "<pid> (<comm>) <state> ...": the state follows the last ')'.
  return stat === null || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The process's command name where the system tells it (Linux), else null. */
export function processName(pid: number): string | null {
  return readProcFile(pid, 'comm')?.trim() ?? null;
}

function readProcFile(pid: number, file: string): string | null {
  if (process.platform !== 'linux') return null;
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}
