// User import through the API, next to a COPY of the same file into a bare table, in one run;
// then the API's peak RSS importing a small and a large file (it should stay flat).
//
//   npm run bench -- import [--rows 200000] [--memory-rows 1000000] [--skip-memory]
//
// The file: external_id, phone (national numbers, read with defaultCountry=DE), email, language,
// time_zone and four tags (string, integer, boolean, date). The API runs alone (RUN_WORKERS=false)
// in its own process on port 3620 and its own database (journeys_bench_imp_*); the COPY goes into
// a bare table of text columns in the same database, through psql's \copy.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const root = new URL('..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    'memory-rows': { type: 'string', default: '1000000' },
    'skip-memory': { type: 'boolean', default: false },
  },
});
const ROWS = Number(options.rows);
const MEMORY_ROWS = Number(options['memory-rows']);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = 3620;
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));

async function writeCsv(rows) {
  const file = join(work, `users-${rows}.csv`);
  const out = createWriteStream(file);
  out.write('external_id,phone,email,language,time_zone,plan,visits,vip,since\n');
  const plans = ['free', 'pro', 'team'];
  for (let i = 1; i <= rows; i++) {
    const line = `u${i},0151 ${String(10000000 + i).slice(-8)},u${i}@example.com,de,Europe/Berlin,${plans[i % 3]},${i % 100},${i % 2 === 0},2026-01-${String((i % 28) + 1).padStart(2, '0')}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

async function createDatabase() {
  const name = `journeys_bench_imp_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: POSTGRES });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The API on its own database; resolves once it answers, with its key and process. */
async function startApi(db) {
  const keyFile = join(work, `key-${randomBytes(3).toString('hex')}`);
  const { REDIS_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env: {
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      EMBEDDED_POSTGRES: 'false',
      RUN_WORKERS: 'false',
      DEMO_KEY_FILE: keyFile,
      DATA_DIR: work,
      ENCRYPTION_KEY: 'bench-encryption-key-0123456789',
      QUEUE_PREFIX: `benchimp${randomBytes(3).toString('hex')}`,
      DATABASE_POOL_SIZE: '5',
      QUEUE_POOL_MAX: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (existsSync(keyFile)) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/health`).then((r) => r.ok, () => false);
      if (ok) break;
    }
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('The API did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, key: readFileSync(keyFile, 'utf8').trim() };
}

async function stopApi(child) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
}

/** Peak and current RSS of a process, in MiB (Linux /proc). */
function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
  return { peak: kib('VmHWM') / 1024, current: kib('VmRSS') / 1024 };
}

function upload(file, key) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: PORT, method: 'POST', path: '/api/v1/users/import?format=csv&defaultCountry=DE', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv', 'Content-Length': statSync(file).size } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => (res.statusCode === 202 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode}: ${body}`))));
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

/** Uploads the file and waits for the import to finish; seconds from the first byte sent to done, and the API's peak RSS. */
async function importThroughApi(file, rows) {
  const db = await createDatabase();
  const api = await startApi(db);
  try {
    const before = rssOf(api.child.pid);
    const started = performance.now();
    const accepted = await upload(file, api.key);
    const uploaded = performance.now();
    let status;
    for (;;) {
      status = await (await fetch(`http://127.0.0.1:${PORT}/api/v1/users/imports/${accepted.id}`, { headers: { Authorization: `Bearer ${api.key}` } })).json();
      if (status.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    if (status.status !== 'done' || status.rowsImported !== rows) throw new Error(`Import ended ${JSON.stringify(status)}`);
    const rss = rssOf(api.child.pid);
    return { seconds, uploadSeconds: (uploaded - started) / 1000, rss, before, db };
  } finally {
    await stopApi(api.child);
  }
}

function copyIntoBareTable(db, file) {
  const client = ['-v', 'ON_ERROR_STOP=1', db.url];
  spawnSync('psql', [...client, '-c', 'CREATE TABLE bench_copy (external_id text, phone text, email text, language text, time_zone text, plan text, visits text, vip text, since text)'], { stdio: 'ignore' });
  const started = performance.now();
  const result = spawnSync('psql', [...client, '-c', `\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return (performance.now() - started) / 1000;
}

const fmt = (n) => Math.round(n).toLocaleString('en');
try {
  console.log(`Import bench: ${ROWS} rows, then peak RSS at ${ROWS} vs ${MEMORY_ROWS} rows (${new Date().toISOString()})`);
  const file = await writeCsv(ROWS);
  const api = await importThroughApi(file, ROWS);
  const copySeconds = copyIntoBareTable(api.db, file);
  await api.db.drop();
  console.log(`API import  ${fmt(ROWS / api.seconds)} rows/s  (${api.seconds.toFixed(1)} s, upload ${api.uploadSeconds.toFixed(1)} s)`);
  console.log(`COPY        ${fmt(ROWS / copySeconds)} rows/s  (${copySeconds.toFixed(1)} s)`);
  console.log(`ratio       COPY is ${(api.seconds / copySeconds).toFixed(1)}x the API import's rate`);
  console.log(`API RSS     ${ROWS} rows: ${api.before.current.toFixed(0)} MiB before, peak ${api.rss.peak.toFixed(0)} MiB`);
  rmSync(file);
  if (!options['skip-memory']) {
    const big = await writeCsv(MEMORY_ROWS);
    const large = await importThroughApi(big, MEMORY_ROWS);
    await large.db.drop();
    console.log(`API RSS     ${MEMORY_ROWS} rows: ${large.before.current.toFixed(0)} MiB before, peak ${large.rss.peak.toFixed(0)} MiB (${fmt(MEMORY_ROWS / large.seconds)} rows/s, ${large.seconds.toFixed(1)} s)`);
    console.log(`peak RSS    ${MEMORY_ROWS} / ${ROWS} rows: ${(large.rss.peak / api.rss.peak).toFixed(2)}x`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
