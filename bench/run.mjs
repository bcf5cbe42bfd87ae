// `npm run bench -- <name> [options]`: builds what the benchmark needs, then runs bench/<name>.bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(root, 'bench')).filter((file) => file.endsWith('.bench.mjs')).map((file) => file.replace('.bench.mjs', ''));
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
// The canvas benchmark serves the built web app (and its stand-in API follows apps/api's shapes);
// the ingestion benchmark runs the built API.
const projects = { canvas: '@engine/worker,@engine/web,@engine/api', ingest: '@engine/api' }[name] ?? '@engine/worker';
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', projects, '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const script = join(root, 'bench', `${name}.bench.mjs`);
if (!existsSync(script)) process.exit(2);
const run = spawnSync(process.execPath, ['--expose-gc', script, ...args], { cwd: root, stdio: 'inherit', env });
process.exit(run.status ?? 1);
