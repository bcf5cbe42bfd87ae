import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@engine/persistence/testing';
import { freePort } from './free-port';

/**
 * `npm start` on a bare machine: the BUILT api (nx builds it before this project's tests) with no
 * DATABASE_URL and no REDIS_URL runs an embedded PostgreSQL in DATA_DIR, carries an event through a
 * journey to the sandbox inbox, stops cleanly, and finds everything again on the next start.
 */
const API_MAIN = join(__dirname, '..', 'dist', 'main.js');
const START_TIMEOUT_MS = 90_000;

interface RunningApi {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('the built api on a bare machine (embedded PostgreSQL, no Redis)', () => {
  let root: string;
  let dataDir: string;
  let demoKeyFile: string;
  let port: number;
  let embeddedPort: number;
  const running: RunningApi[] = [];

  function startApi(extraEnv: Record<string, string> = {}): RunningApi {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      EMBEDDED_POSTGRES: 'true',
      EMBEDDED_POSTGRES_PORT: String(embeddedPort),
      DATA_DIR: dataDir,
      DEMO_KEY_FILE: demoKeyFile,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Only matters while the queues run on the machine's Redis (REDIS_URL unset still means Redis before the PostgreSQL queue backend).
      QUEUE_PREFIX: `embedded-${process.pid}`,
      SWEEP_EVERY_MS: '1000',
      SWEEP_GRACE_MS: '1000',
      ...extraEnv,
    };
    const child = spawn(process.execPath, [API_MAIN], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const api = { child, output: () => output, exited };
    running.push(api);
    return api;
  }

  async function waitUntilListening(api: RunningApi): Promise<void> {
    let exitCode: number | null | undefined;
    void api.exited.then((code) => (exitCode = code));
    await eventually(
      async () => {
        if (exitCode !== undefined) throw new Error(`api exited with ${exitCode}:\n${api.output()}`);
        return fetch(`http://127.0.0.1:${port}/health`).then((response) => response.status > 0, () => false);
      },
      START_TIMEOUT_MS,
      'the api to listen',
    );
  }

  async function stopApi(api: RunningApi): Promise<number | null> {
    api.child.kill('SIGTERM');
    return api.exited;
  }

  function embeddedServerPid(): number | null {
    const file = join(dataDir, 'postgres', 'postmaster.pid');
    if (!existsSync(file)) return null;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && processIsRunning(pid) ? pid : null;
  }

  function api(path: string, init: RequestInit = {}): Promise<Response> {
    const key = readFileSync(demoKeyFile, 'utf8').trim();
    return fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers },
    });
  }

  async function inbox(): Promise<Array<{ channel: string; userId: string; journeyName: string | null }>> {
    const response = await api('/messages?provider=sandbox');
    return ((await response.json()) as { messages: Array<{ channel: string; userId: string; journeyName: string | null }> }).messages;
  }

  beforeAll(async () => {
    if (!existsSync(API_MAIN)) throw new Error(`Build the api first (npx nx run api:build): ${API_MAIN} is missing`);
    root = mkdtempSync(join(tmpdir(), 'journeys-embedded-'));
    // Run as root, the embedded server runs as the `postgres` user: it must reach DATA_DIR.
    chmodSync(root, 0o755);
    dataDir = join(root, 'data');
    demoKeyFile = join(root, 'demo-key');
    port = await freePort();
    embeddedPort = await freePort();
  });

  afterAll(async () => {
    for (const { child, exited } of running) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    }
    // Whatever happened, no PostgreSQL of this test stays behind.
    const pid = root ? embeddedServerPid() : null;
    if (pid !== null) {
      process.kill(pid, 'SIGINT');
      await eventually(() => !processIsRunning(pid), 60_000, 'the embedded PostgreSQL to stop');
    }
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it('fails in one line, with the password masked, when a configured DATABASE_URL does not answer', async () => {
    const failing = startApi({ EMBEDDED_POSTGRES: '', DATABASE_URL: `postgres://app:secret-pw@127.0.0.1:${await freePort()}/journeys` });
    expect(await failing.exited).toBe(1);
    const lines = failing.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('postgres://app:***@127.0.0.1');
    expect(lines[0]).toContain('DATABASE_URL');
    expect(failing.output()).not.toContain('secret-pw');
  });

  it('fails in one line when a configured REDIS_URL does not answer', async () => {
    const failing = startApi({ REDIS_URL: `redis://:secret-pw@127.0.0.1:${await freePort()}` });
    expect(await failing.exited).toBe(1);
    expect(failing.output().trim().split('\n')).toEqual([expect.stringContaining('redis://:***@127.0.0.1')]);
    expect(failing.output()).not.toContain('secret-pw');
  });

  it('carries an event to the inbox, stops cleanly and keeps everything across a restart', async () => {
    const first = startApi();
    await waitUntilListening(first);
    expect(first.output()).toContain(`Running an embedded PostgreSQL on 127.0.0.1:${embeddedPort}`);
    expect(embeddedServerPid()).not.toBeNull();

    // The newcomer follows the printed one-time sign-in link: signed in as the demo project's owner.
    expect(first.output()).not.toContain('?key=');
    const link = /Sign in: (http\S+)/.exec(first.output())?.[1] ?? '';
    expect(link).toMatch(new RegExp(`^http://localhost:${port}/api/v1/auth/link\\?token=`));
    const opened = await fetch(link.replace('localhost', '127.0.0.1'), { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const me = (await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/session`, { headers: { cookie } })).json()) as { account: { email: string }; project: { name: string; role: string } };
    expect(me).toMatchObject({ account: { email: 'owner@localhost' }, project: { name: 'Demo project', role: 'owner' } });

    const created = await api('/journeys', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Embedded welcome',
        graph: {
          formatVersion: 1,
          nodes: [
            { id: 'entry', type: 'entry.event', data: { event: 'Signup' }, position: { x: 0, y: 0 } },
            { id: 'email', type: 'send.email', data: { subject: 'Welcome', html: '<p>Hello</p>' }, position: { x: 250, y: 0 } },
            { id: 'exit', type: 'exit', data: {}, position: { x: 500, y: 0 } },
          ],
          edges: [
            { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'email' },
            { id: 'e2', source: 'email', sourceHandle: 'next', target: 'exit' },
          ],
          settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
        },
      }),
    });
    expect(created.status).toBe(201);
    const journey = (await created.json()) as { id: string };
    expect((await api(`/journeys/${journey.id}/publish`, { method: 'POST' })).status).toBe(201);
    expect((await api('/users/alice', { method: 'PUT', body: JSON.stringify({ email: 'alice@example.com' }) })).status).toBeLessThan(300);
    expect((await api('/events', { method: 'POST', body: JSON.stringify({ userId: 'alice', name: 'Signup' }) })).status).toBe(202);

    await eventually(async () => (await inbox()).some((m) => m.channel === 'email' && m.userId === 'alice'), 60_000, 'the email in the sandbox inbox');

    expect(await stopApi(first)).toBe(0);
    expect(embeddedServerPid()).toBeNull();

    const second = startApi();
    await waitUntilListening(second);
    const journeys = (await (await api('/journeys')).json()) as Array<{ id: string; status: string }>;
    expect(journeys.find((j) => j.id === journey.id)).toMatchObject({ status: 'live' });
    expect((await inbox()).filter((m) => m.channel === 'email' && m.userId === 'alice')).toHaveLength(1);
    expect(await stopApi(second)).toBe(0);
    expect(embeddedServerPid()).toBeNull();
  }, 240_000);

  it('starts again after being killed (SIGKILL leaves its PostgreSQL running without an owner)', async () => {
    const killed = startApi();
    await waitUntilListening(killed);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(embeddedServerPid()).not.toBeNull();

    const next = startApi();
    await waitUntilListening(next);
    expect((await inbox()).some((m) => m.userId === 'alice')).toBe(true);
    expect(await stopApi(next)).toBe(0);
    expect(embeddedServerPid()).toBeNull();
  }, 240_000);
});
