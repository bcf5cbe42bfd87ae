// Serves apps/web/dist with a tiny in-memory stand-in for the journey API, opens it in Debian's
// Chromium with playwright-core, builds the omnichannel example through the UI and takes
// screenshots of the journey list, the canvas, a node panel and the live view with statistics.
//
//   npm run build -w @engine/web && node apps/web/scripts/screenshot.mjs [outDir]
//
// Screenshots go to test-artifacts/web-screenshots/ (or outDir). Exits non-zero when the app
// logs an error or a step fails, so it doubles as a smoke test of the built app.
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const webRoot = new URL('..', import.meta.url).pathname;
const distDir = join(webRoot, 'dist');
const outDir = resolve(process.argv[2] ?? join(webRoot, '..', '..', 'test-artifacts', 'web-screenshots'));
// The app signs in with a session cookie (never an API key): the stand-in knows one session.
const SESSION_COOKIE = 'sid=screenshot-session';
const SESSION = {
  account: { id: 'a1', email: 'owner@example.com', hasPassword: true },
  csrfToken: 'screenshot-csrf',
  project: { id: 'p1', name: 'Demo project', role: 'owner' },
  projects: [{ id: 'p1', name: 'Demo project', role: 'owner' }],
};

if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No build in ${distDir}: run "npx vite build" in apps/web first.`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

// ---- a stand-in for the API (the shapes of apps/api/src/journeys) ----------------------------

const journeys = new Map();
let sequence = 0;
const now = () => new Date().toISOString();

function detail(journey) {
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status,
    liveVersionNumber: journey.versions.length > 0 ? journey.versions.length : null,
    liveVersionId: journey.versions.length > 0 ? `version-${journey.versions.length}` : null,
    entryEvents: [],
    graph: journey.graph,
    validation: { valid: true, problems: [] },
    revision: journey.updatedAt,
    createdAt: journey.createdAt,
    updatedAt: journey.updatedAt,
  };
}

function summary(journey) {
  const { graph: _graph, validation: _validation, liveVersionId: _id, entryEvents: _events, ...rest } = detail(journey);
  return { ...rest, activeUsers: journey.status === 'live' ? 1284 : 0, conversions: journey.status === 'live' ? 87 : 0 };
}

/** Plausible numbers for the omnichannel example: most users fall through push -> email -> WhatsApp. */
function stats(journey) {
  const graph = journey.versions.at(-1) ?? journey.graph;
  const base = { entry: 5200, push: 5200, 'push-opened': 5200, 'exit-push': 1460, email: 3610, 'email-opened': 3610, 'exit-email': 940, whatsapp: 2480, 'exit-whatsapp': 2390 };
  const nowAt = { 'push-opened': 312, 'email-opened': 406, whatsapp: 9 };
  const nodes = graph.nodes.map((node) => {
    const entered = base[node.id] ?? 100;
    const sent = node.type.startsWith('send.') ? entered - 12 : 0;
    return {
      nodeId: node.id,
      type: node.type,
      now: nowAt[node.id] ?? 0,
      entered,
      sent,
      delivered: Math.round(sent * 0.97),
      opened: Math.round(sent * (node.type === 'send.whatsapp' ? 0.78 : 0.28)),
      clicked: Math.round(sent * 0.06),
      failed: node.type.startsWith('send.') ? 12 : 0,
      suppressed: 0,
      conversions: node.type === 'exit' ? Math.round(entered * 0.03) : 0,
    };
  });
  return { journeyId: journey.id, nodes, totals: { entered: 5200, active: 727, completed: 4473, converted: 152, stopped: 0, conversions: 161 } };
}

const TEMPLATES = [
  {
    id: 't1',
    name: 'promo_offer',
    language: 'en',
    category: 'MARKETING',
    status: 'approved',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Your promo is here' },
      { type: 'BODY', text: 'Hi {{1}}, here is 20% off today.' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Show me' }, { type: 'QUICK_REPLY', text: 'Not now' }] },
    ],
  },
  { id: 't2', name: 'support_help', language: 'en', category: 'UTILITY', status: 'approved', components: [{ type: 'BODY', text: 'How can we help, {{1}}?' }] },
  { id: 't3', name: 'winback', language: 'de', category: 'MARKETING', status: 'pending', components: [{ type: 'BODY', text: 'Wir vermissen dich!' }] },
];

function sandboxMessages() {
  const at = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();
  const journey = [...journeys.values()][0];
  const base = { provider: 'sandbox', statusHistory: [], journeyId: journey?.id ?? null, journeyName: journey?.name ?? null, error: null };
  return [
    { ...base, id: 'm3', createdAt: at(1), channel: 'whatsapp', status: 'delivered', userId: 'user-7', nodeId: 'whatsapp', content: { template: { name: 'promo_offer', language: 'en', bodyParameters: ['Ana'] } } },
    { ...base, id: 'm2', createdAt: at(4), channel: 'email', status: 'opened', userId: 'user-42', nodeId: 'email', content: { subject: 'Ana, your 20% promo', html: '<p>Hi Ana</p>' } },
    { ...base, id: 'm1', createdAt: at(9), channel: 'push', status: 'sent', userId: 'user-42', nodeId: 'push', content: { title: 'Your promo is here', body: 'Hi Ana, open the app for 20% off today.' } },
  ];
}

function send(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

function readBody(request) {
  return new Promise((resolveBody) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => resolveBody(text === '' ? {} : JSON.parse(text)));
  });
}

async function api(request, response, path) {
  if (!(request.headers.cookie ?? '').split('; ').includes(SESSION_COOKIE)) return send(response, 401, { statusCode: 401, error: 'Unauthorized', message: 'Missing API key or session' });
  const parts = path.split('/').filter(Boolean).slice(2); // after api/v1
  const [collection, id, action, argument] = parts;
  if (collection === 'auth' && id === 'session' && request.method === 'GET') return send(response, 200, SESSION);
  if (collection === 'whatsapp' && id === 'templates' && request.method === 'GET') return send(response, 200, TEMPLATES);
  if (collection === 'messages' && request.method === 'GET') return send(response, 200, { messages: sandboxMessages(), nextBefore: null });
  if (collection !== 'journeys') return send(response, 404, { statusCode: 404, error: 'Not Found', message: `Cannot ${request.method} ${path}` });
  if (id === undefined) {
    if (request.method === 'GET') return send(response, 200, [...journeys.values()].map(summary));
    const body = await readBody(request);
    sequence += 1;
    const journey = { id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`, name: body.name, status: 'draft', graph: body.graph, versions: [], createdAt: now(), updatedAt: now() };
    journeys.set(journey.id, journey);
    return send(response, 201, detail(journey));
  }
  const journey = journeys.get(id);
  if (journey === undefined) return send(response, 404, { statusCode: 404, error: 'Not Found', message: 'No such journey' });
  if (action === undefined && request.method === 'GET') return send(response, 200, detail(journey));
  if (action === undefined && request.method === 'PUT') {
    const body = await readBody(request);
    if (body.revision !== undefined && body.revision !== journey.updatedAt) return send(response, 409, { statusCode: 409, error: 'Conflict', message: 'The journey was changed since' });
    if (body.graph !== undefined) journey.graph = body.graph;
    if (body.name !== undefined) journey.name = body.name;
    journey.updatedAt = new Date(Math.max(Date.now(), Date.parse(journey.updatedAt) + 1)).toISOString();
    return send(response, 200, detail(journey));
  }
  if (action === 'publish') {
    journey.versions.push(structuredClone(journey.graph));
    journey.status = 'live';
    const version = journey.versions.length;
    return send(response, 201, { id: `version-${version}`, journeyId: id, version, compiledHash: 'demo', live: true, publishedAt: now(), graph: journey.graph, warnings: [] });
  }
  if (action === 'versions' && argument !== undefined) {
    const graph = journey.versions[Number(argument) - 1];
    return graph === undefined ? send(response, 404, { statusCode: 404, message: 'No such version' }) : send(response, 200, { id: `version-${argument}`, journeyId: id, version: Number(argument), compiledHash: 'demo', live: true, publishedAt: now(), graph });
  }
  if (action === 'stats') return send(response, 200, stats(journey));
  if (action === 'pause' || action === 'resume') {
    journey.status = action === 'pause' ? 'paused' : 'live';
    return send(response, 200, detail(journey));
  }
  return send(response, 404, { statusCode: 404, error: 'Not Found', message: `Cannot ${request.method} ${path}` });
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  if (path.startsWith('/api/')) {
    api(request, response, path).catch((error) => send(response, 500, { message: String(error) }));
    return;
  }
  const file = join(distDir, path);
  const servedFile = file.startsWith(distDir) && existsSync(file) && statSync(file).isFile() ? file : join(distDir, 'index.html');
  response.writeHead(200, { 'Content-Type': MIME[extname(servedFile)] ?? 'application/octet-stream' });
  response.end(readFileSync(servedFile));
});
await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- the browser ------------------------------------------------------------------------------

const userDataDir = mkdtempSync(join(tmpdir(), 'journey-web-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  viewport: { width: Number(process.env.WIDTH ?? 1280), height: Number(process.env.HEIGHT ?? 800) },
  deviceScaleFactor: Number(process.env.SCALE ?? 1),
});
const page = context.pages()[0] ?? (await context.newPage());
const errors = [];
page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error' && !/404|401/.test(message.text())) errors.push(`console: ${message.text()}`);
});

const shot = async (name) => {
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
};

/** A close-up of some nodes (sharper with SCALE=2). */
const shotAround = async (name, nodeIds) => {
  const boxes = await Promise.all(nodeIds.map((id) => page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()));
  const left = Math.min(...boxes.map((box) => box.x)) - 16;
  const top = Math.min(...boxes.map((box) => box.y)) - 16;
  const right = Math.max(...boxes.map((box) => box.x + box.width)) + 16;
  const bottom = Math.max(...boxes.map((box) => box.y + box.height)) + 16;
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
  console.log(`  ${file}`);
};

let failed = false;
try {
  console.log('Screenshots:');
  await context.addCookies([
    { name: 'sid', value: 'screenshot-session', url: base },
    { name: 'csrf', value: SESSION.csrfToken, url: base },
  ]);
  await page.goto(base);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await shot('1-journeys-empty');

  await page.getByLabel('Name', { exact: true }).fill('Promo follow-up');
  await page.getByText('Omnichannel fallback', { exact: true }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.locator('.react-flow__node').nth(8).waitFor();
  await page.waitForTimeout(600);
  await shot('2-canvas-draft');
  await shotAround('2b-canvas-detail', ['entry', 'push-opened', 'email']);

  await page.locator('.react-flow__node[data-id="push"]').click();
  await page.getByRole('complementary', { name: /Push settings/ }).waitFor();
  await page.waitForTimeout(300);
  await shot('3-canvas-push-panel');

  await page.locator('.react-flow__node[data-id="email-opened"]').click();
  await page.waitForTimeout(300);
  await shot('4-canvas-engagement-panel');

  await page.locator('.react-flow__node[data-id="entry"]').click();
  await page.getByRole('button', { name: '+ Condition' }).click();
  await page.getByLabel('Field').nth(1).fill('tags.plan');
  await page.getByLabel('Operator').nth(1).selectOption('in');
  await page.getByLabel('Value').nth(1).fill('pro, team');
  await page.waitForTimeout(300);
  await shot('4b-entry-condition-editor');
  while (await page.getByLabel('Undo').isEnabled()) await page.getByLabel('Undo').click();

  // A problem: clear the push title, see it on the node and in the panel.
  await page.locator('.react-flow__node[data-id="push"]').click();
  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByLabel('Text', { exact: true }).fill('');
  await page.waitForTimeout(400);
  await shot('5-canvas-problem');
  await page.keyboard.press('Escape');
  await page.getByLabel('Undo').click();
  await page.getByLabel('Undo').click();
  await page.waitForTimeout(1200);

  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.getByText(/Live version 1/).waitFor();
  await page.waitForTimeout(3500);
  await shot('6-canvas-live-stats');
  await shotAround('6b-live-detail', ['push', 'push-opened', 'email']);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Journey settings' }).waitFor();
  await shot('7-settings');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'All journeys' }).click();
  await page.getByRole('link', { name: 'Promo follow-up' }).waitFor();
  await shot('8-journeys-list');

  // The omnichannel fallback built by hand, as a marketer would: palette clicks add each step
  // after the selected one; after an Exit the branch stays selected for its "no" path.
  const started = Date.now();
  await page.getByLabel('Name', { exact: true }).fill('Built by hand');
  await page.getByText('Blank', { exact: true }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.locator('.react-flow__node[data-id="entry"]').click();
  await page.getByLabel('Event', { exact: true }).fill('PW_WhatsAppReceived');
  const add = (title) => page.getByRole('button', { name: new RegExp(`^Add ${title}:`) }).click();
  await add('Push');
  await page.keyboard.type('Your promo is here');
  await page.getByLabel('Text', { exact: true }).fill('Hi {{tags.first_name|there}}, 20% off today.');
  await add('Engagement check');
  await add('Exit');
  await add('Email');
  await page.keyboard.type('{{tags.first_name|Hello}}, your 20% promo');
  await page.getByLabel('Content (HTML)').fill('<p>Hi {{tags.first_name|there}}, here is 20% off.</p>');
  await add('Engagement check');
  await add('Exit');
  await add('WhatsApp');
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'promo_offer · en' });
  await page.getByLabel('{{1}}').fill('{{tags.first_name|there}}');
  await page.waitForTimeout(300);
  await shot('9a-whatsapp-panel');
  await add('Exit');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await page.getByText('Ready to publish').waitFor({ timeout: 3000 });
  console.log(`  built by hand in ${Date.now() - started} ms of scripted input`);
  await page.waitForTimeout(400);
  await shot('9-built-by-hand');

  // Drag and drop, keyboard copy / paste / delete and undo, checked by counting nodes.
  const count = () => page.locator('.react-flow__node').count();
  const expectCount = async (expected, what) => {
    await page.waitForTimeout(150);
    const actual = await count();
    if (actual !== expected) throw new Error(`${what}: expected ${expected} nodes, found ${actual}`);
  };
  const before = await count();
  const canvasBox = await page.locator('.journey-canvas').boundingBox();
  await page.getByRole('button', { name: /^Add Wait:/ }).dragTo(page.locator('.journey-canvas'), { targetPosition: { x: canvasBox.width / 2, y: canvasBox.height - 120 } });
  await expectCount(before + 1, 'drop from the palette');
  await page.locator('.react-flow__node[data-id="wait"]').click();
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__node[data-id="wait"]').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expectCount(before + 2, 'paste');
  await page.keyboard.press('Delete');
  await expectCount(before + 1, 'delete');
  await page.keyboard.press('Control+z');
  await expectCount(before + 2, 'undo delete');
  await page.keyboard.press('Control+Shift+z');
  await expectCount(before + 1, 'redo delete');
  await page.getByRole('button', { name: /^Add Update tags:/ }).focus();
  await page.keyboard.press('Enter');
  await expectCount(before + 2, 'add with Enter');
  console.log('  drag and drop, copy, paste, delete, undo, redo and Enter on the palette work');

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('cell', { name: /Your promo is here/ }).waitFor();
  await shot('10-inbox');
} catch (error) {
  failed = true;
  console.error(`Step failed: ${error instanceof Error ? error.message : String(error)}`);
  await shot('failure').catch(() => undefined);
}

await context.close();
server.close();
rmSync(userDataDir, { recursive: true, force: true });
if (errors.length > 0) {
  console.error(`The app logged errors:\n${errors.join('\n')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
