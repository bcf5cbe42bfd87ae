import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupFailure } from '../startup/startup-failure';
import { processIsRunning, processName } from './process-state';

/**
 * One process at a time runs the embedded PostgreSQL of a data folder: the owner's pid is kept in
 * `<dataDir>/embedded-postgres.owner`. A file left by a killed owner is taken over.
 */
export async function claimEmbeddedServer(dataDir: string): Promise<void> {
  const file = ownerFile(dataDir);
  const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processIsRunning(owner) && ownerLooksLikeNode(owner)) {
    throw new StartupFailure(`Another process (pid ${owner}) runs the embedded PostgreSQL in ${dataDir}: stop it first, or set DATA_DIR to another folder.`);
  }
  await writeFile(file, `${process.pid}\n`);
}

export async function releaseEmbeddedServer(dataDir: string): Promise<void> {
  await rm(ownerFile(dataDir), { force: true });
}

function ownerFile(dataDir: string): string {
  return join(dataDir, 'embedded-postgres.owner');
}

function ownerLooksLikeNode(pid: number): boolean {
  const name = processName(pid);
  return name === null || /node/.test(name);
}
