// Canvas benchmark: how the journey builder copes with a big journey.
//
//   npm run bench -- canvas [--nodes 300] [--small 30] [--runs 3] [--pan-ms 3000]
//
// Serves apps/web/dist with a tiny stand-in API (like apps/web/scripts/screenshot.mjs) that
// returns one generated journey per size (a snake of push / engagement check / email / wait /
// WhatsApp steps, every check's "yes" going to an Exit), opens the canvas in Debian's Chromium and
// measures:
//   - load: from navigation to every node of the journey rendered and measured on the canvas;
//   - panning: the pane dragged back and forth for ~3 s while the page records
//     requestAnimationFrame deltas: mean, p95, max and the share of dropped frames
//     (frames a 60 Hz display would have shown but the page did not produce); once with the
//     whole journey in view (zoomed far out for 300 nodes) and once at 100 %.
// Both sizes are printed with their ratio ("300 nodes / 30 nodes").
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const distDir = join(root, 'apps', 'web', 'dist');
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '300' },
    small: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    'pan-ms': { type: 'string', default: '3000' },
    // Writes a Chromium performance trace of the first pan of the big journey (open it in
    // chrome://tracing or the DevTools Performance panel) and prints where the main thread went.
    trace: { type: 'string' },
    // Saves what the big journey looks like, whole and at 100 %, into this folder.
    screenshots: { type: 'string' },
  },
});
const SIZES = [Number(values.nodes), Number(values.small)];
const RUNS = Number(values.runs);
const PAN_MS = Number(values['pan-ms']);
const API_KEY = 'jk_canvas_bench';
const FRAME_MS = 1000 / 60;

if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No build in ${distDir}: run "npm run build -w @engine/web" first (npm run bench -- canvas does).`);
  process.exit(1);
}

// ---- a generated journey of exactly `size` nodes -------------------------------------------

function generateJourney(size) {
  const nodes = [];
  const edges = [];
  const perRow = 12;
  let slot = 0;
  const spinePosition = () => {
    const at = { x: (slot % perRow) * 260, y: Math.floor(slot / perRow) * 320 };
    slot += 1;
    return at;
  };
  const add = (id, type, data, position) => nodes.push({ id, type, data, position, label: undefined });
  const link = (source, sourceHandle, target) => edges.push({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });

  add('entry', 'entry.event', { event: 'PW_WhatsAppReceived', where: { field: 'event.text', op: 'matches', value: 'promo' } }, spinePosition());
  let previous = { id: 'entry', handle: 'next' };
  const step = (id, type, data) => {
    add(id, type, data, spinePosition());
    link(previous.id, previous.handle, id);
    previous = { id, handle: 'next' };
  };
  /** A message, then a check of it: "yes" leaves through an Exit below, "no" carries on. */
  const messageWithCheck = (id, type, data) => {
    step(id, type, data);
    const check = `${id}-check`;
    const at = spinePosition();
    add(check, 'branch.engagement', { sendNodeId: id, metric: 'opened', window: '4h' }, at);
    link(id, 'next', check);
    add(`${check}-exit`, 'exit', {}, { x: at.x + 60, y: at.y + 170 });
    link(check, 'yes', `${check}-exit`);
    previous = { id: check, handle: 'no' };
  };
  const units = [
    { size: 3, add: (n) => messageWithCheck(`push-${n}`, 'send.push', { title: `Promo ${n}`, body: 'Hi {{tags.first_name|there}}, 20% off today.' }) },
    { size: 1, add: (n) => step(`wait-${n}`, 'wait.delay', { mode: 'duration', duration: '1h' }) },
    { size: 3, add: (n) => messageWithCheck(`email-${n}`, 'send.email', { subject: `Your promo ${n}`, html: '<p>Hi {{tags.first_name|there}}</p>' }) },
    { size: 1, add: (n) => step(`whatsapp-${n}`, 'send.whatsapp', { mode: 'template', template: { name: 'promo_offer', language: 'en', bodyParameters: ['{{tags.first_name|there}}'] } }) },
  ];
  for (let n = 0; nodes.length < size - 1; n += 1) {
    const unit = units[n % units.length];
    (unit.size <= size - 1 - nodes.length ? unit : units[1]).add(n);
  }
  add('exit', 'exit', {}, spinePosition());
  link(previous.id, previous.handle, 'exit');
  for (const node of nodes) if (node.label === undefined) delete node.label;
  return { formatVersion: 1, nodes, edges, settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] } };
}

const journeys = new Map(
  SIZES.map((size) => {
    const id = `00000000-0000-4000-8000-${String(size).padStart(12, '0')}`;
    const at = new Date().toISOString();
    return [id, { id, name: `Bench ${size} nodes`, status: 'draft', liveVersionNumber: null, liveVersionId: null, entryEvents: [], graph: generateJourney(size), validation: { valid: true, problems: [] }, revision: at, createdAt: at, updatedAt: at }];
  }),
);
const idOfSize = (size) => `00000000-0000-4000-8000-${String(size).padStart(12, '0')}`;

// ---- the stand-in API and the static files --------------------------------------------------

const TEMPLATES = [{ id: 't1', name: 'promo_offer', language: 'en', category: 'MARKETING', status: 'approved', components: [{ type: 'BODY', text: 'Hi {{1}}, here is 20% off today.' }] }];
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
const send = (response, status, body) => {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  if (path.startsWith('/api/')) {
    if (request.headers.authorization !== `Bearer ${API_KEY}`) return send(response, 401, { statusCode: 401, message: 'Missing or unknown API key' });
    const [collection, id, action] = path.split('/').filter(Boolean).slice(2);
    if (collection === 'whatsapp' && id === 'templates') return send(response, 200, TEMPLATES);
    if (collection === 'journeys' && id === undefined) return send(response, 200, [...journeys.values()].map(({ graph: _g, validation: _v, ...rest }) => ({ ...rest, activeUsers: 0, conversions: 0 })));
    const journey = collection === 'journeys' ? journeys.get(id) : undefined;
    if (journey !== undefined && action === undefined && request.method === 'GET') return send(response, 200, journey);
    if (journey !== undefined && action === undefined && request.method === 'PUT') {
      // Autosave (e.g. of a moved node): accept it, change nothing.
      request.resume();
      return request.on('end', () => send(response, 200, journey));
    }
    return send(response, 404, { statusCode: 404, message: `Cannot ${request.method} ${path}` });
  }
  const file = join(distDir, path);
  const served = file.startsWith(distDir) && existsSync(file) && statSync(file).isFile() ? file : join(distDir, 'index.html');
  response.writeHead(200, { 'Content-Type': MIME[extname(served)] ?? 'application/octet-stream' });
  response.end(readFileSync(served));
});
await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- the browser ------------------------------------------------------------------------------

const userDataDir = mkdtempSync(join(tmpdir(), 'journey-canvas-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  viewport: { width: 1280, height: 800 },
});
const page = context.pages()[0] ?? (await context.newPage());
const errors = [];
page.on('pageerror', (error) => errors.push(error.message));

/** Navigation to the canvas showing every node, measured (React Flow hides nodes until then). */
async function load(size) {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(`${base}/journeys/${idOfSize(size)}?key=${API_KEY}`);
  await page.waitForFunction(
    (expected) => {
      const nodes = document.querySelectorAll('.react-flow__node');
      if (nodes.length !== expected) return false;
      for (const node of nodes) if (getComputedStyle(node).visibility === 'hidden' || node.getBoundingClientRect().width === 0) return false;
      return true;
    },
    size,
    { timeout: 60_000, polling: 25 },
  );
  return performance.now() - started;
}

/** Drags the empty pane around in circles for PAN_MS while the page records frame deltas. */
async function pan(trace) {
  // Let the page settle after loading (a gesture that starts while React is still busy with the
  // journey can be lost): an idle callback, then half a second.
  await page.evaluate(() => new Promise((resolveIdle) => requestIdleCallback(() => resolveIdle(), { timeout: 10_000 })));
  await page.waitForTimeout(500);
  // Grab the pane itself (not a node, which would be dragged instead): the point nearest the
  // canvas's centre where the empty pane is on top.
  const grab = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const centre = { x: pane.x + pane.width * 0.5, y: pane.y + pane.height * 0.5 };
    let best;
    for (let x = pane.x + pane.width * 0.25; x < pane.x + pane.width * 0.75; x += 6) {
      for (let y = pane.y + pane.height * 0.25; y < pane.y + pane.height * 0.75; y += 6) {
        if (!document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) continue;
        const distance = Math.hypot(x - centre.x, y - centre.y);
        if (best === undefined || distance < best.distance) best = { x, y, distance };
      }
    }
    if (best === undefined) throw new Error('no empty spot of the pane to grab');
    return { x: best.x, y: best.y, radius: Math.min(pane.width, pane.height) * 0.2 };
  });
  const radius = grab.radius;
  const cx = grab.x - radius;
  const cy = grab.y;
  const transform = () => page.evaluate(() => document.querySelector('.react-flow__viewport').style.transform);
  const before = await transform();
  await page.mouse.move(cx + radius, cy);
  const tracing = trace === undefined ? undefined : await startTrace();
  await page.mouse.down();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  const until = Date.now() + PAN_MS;
  let angle = 0;
  while (Date.now() < until) {
    angle += 0.12;
    await page.mouse.move(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
  }
  await page.mouse.up();
  if (tracing !== undefined) await tracing.stop(trace);
  const after = await transform();
  if (after === before) throw new Error(`the canvas did not pan (grabbed at ${Math.round(grab.x)},${Math.round(grab.y)}; viewport ${after})`);
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1); // the first delta is measured from setup
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((sum, value) => sum + value, 0);
  const slots = frames.reduce((sum, value) => sum + Math.max(1, Math.round(value / FRAME_MS)), 0);
  return {
    frames: frames.length,
    mean: total / frames.length,
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
    max: sorted.at(-1),
    dropped: (slots - frames.length) / slots,
  };
}

/** Starts a Chromium trace; stop(file) writes it and prints the busiest events of each thread. */
async function startTrace() {
  const cdp = await context.newCDPSession(page);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'gpu', 'v8.execute', 'disabled-by-default-devtools.timeline.invalidationTracking'];
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReturnAsStream' });
  return { stop: (file) => stopTrace(cdp, file) };
}

async function stopTrace(cdp, file) {
  const complete = new Promise((resolveComplete) => cdp.once('Tracing.tracingComplete', resolveComplete));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(file, text);
  // Self time per event name and thread, for complete events ("X") only.
  const events = JSON.parse(text).traceEvents ?? JSON.parse(text);
  const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const totals = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || typeof event.dur !== 'number') continue;
    const key = `${threadNames.get(`${event.pid}:${event.tid}`) ?? event.tid} | ${event.name}`;
    totals.set(key, (totals.get(key) ?? 0) + event.dur / 1000);
  }
  console.log(`\nTrace written to ${file}; busiest events (total ms, nested events counted in their parents too):`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(8)}  ${key}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Fits the whole journey in view, then zooms in with the wheel over its centre until at `zoom`. */
async function zoomTo(zoom) {
  await page.click('.react-flow__controls-fitview');
  await page.waitForTimeout(100);
  const pane = await page.evaluate(() => {
    const box = document.querySelector('.react-flow__pane').getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.move(pane.x, pane.y);
  const scale = () => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)?.[1] ?? 1));
  for (let step = 0; step < 60 && (await scale()) < zoom; step += 1) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
  if ((await scale()) < zoom) throw new Error(`could not zoom in to ${zoom}`);
}

let failed = false;
const results = new Map();
try {
  await load(SIZES[1]); // warm-up: the bundle in the cache, the JIT awake
  for (const size of SIZES) {
    const loads = [];
    const farPans = [];
    const nearPans = [];
    for (let run = 0; run < RUNS; run += 1) {
      loads.push(await load(size));
      const first = size === SIZES[0] && run === 0;
      if (first && values.screenshots !== undefined) await page.screenshot({ path: join(values.screenshots, `canvas-${size}-whole.png`) });
      farPans.push(await pan(first ? values.trace : undefined));
      await zoomTo(1);
      if (first && values.screenshots !== undefined) await page.screenshot({ path: join(values.screenshots, `canvas-${size}-100.png`) });
      nearPans.push(await pan());
    }
    const summary = (pans) => Object.fromEntries(['frames', 'mean', 'p95', 'max', 'dropped'].map((key) => [key, median(pans.map((result) => result[key]))]));
    results.set(size, { load: median(loads), fit: summary(farPans), near: summary(nearPans) });
  }
} catch (error) {
  failed = true;
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
}
await context.close();
server.close();
rmSync(userDataDir, { recursive: true, force: true });
if (failed) process.exit(1);

const [big, small] = SIZES.map((size) => results.get(size));
const times = (a, b) => (b === 0 ? (a === 0 ? '1.00x' : 'n/a') : `${(a / b).toFixed(2)}x`);
const row = (label, a, b, format) => console.log(`${label.padEnd(26)}${format(a).padStart(12)}${format(b).padStart(12)}${times(a, b).padStart(14)}`);
console.log(`\nCanvas, Chromium headless 1280x800, median of ${RUNS} runs, ~${PAN_MS} ms of panning each`);
console.log(`${''.padEnd(26)}${`${SIZES[0]} nodes`.padStart(12)}${`${SIZES[1]} nodes`.padStart(12)}${`${SIZES[0]} / ${SIZES[1]}`.padStart(14)}`);
row('load (ms)', big.load, small.load, (v) => v.toFixed(0));
for (const [view, label] of [['fit', 'whole journey'], ['near', 'at 100%']]) {
  row(`pan ${label}: frames`, big[view].frames, small[view].frames, (v) => String(v));
  row(`  frame mean (ms)`, big[view].mean, small[view].mean, (v) => v.toFixed(1));
  row(`  frame p95 (ms)`, big[view].p95, small[view].p95, (v) => v.toFixed(1));
  row(`  frame max (ms)`, big[view].max, small[view].max, (v) => v.toFixed(1));
  row(`  dropped frames`, big[view].dropped, small[view].dropped, (v) => `${(v * 100).toFixed(1)}%`);
}
if (errors.length > 0) {
  console.error(`\nThe app logged errors:\n${errors.join('\n')}`);
  process.exit(1);
}
