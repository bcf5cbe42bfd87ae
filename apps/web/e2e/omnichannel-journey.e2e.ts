// End to end, as a marketer would: the real API (fresh PostgreSQL database, own BullMQ prefix,
// workers running in-process) serves the built canvas; Chromium signs in with email and password
// (no address it asks for carries an API key), creates a journey, drags the omnichannel steps
// from the palette, connects them handle to handle, fills the forms, sees an
// unconnected "No" path in the problems list and fixes it, publishes, and then watches the live
// counters move when events arrive through the API (after simulating the "not opened" path);
// then a second version, and the first one opened from the Versions dialog. axe-core checks
// accessibility on the way. Screenshots: test-artifacts/e2e/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../api/test/test-app';
import { seriousAccessibilityViolations } from './accessibility-check';

const webRoot = resolve(__dirname, '..');
const outDir = resolve(webRoot, '..', '..', 'test-artifacts', 'e2e');
process.env['WEB_DIST_DIR'] ??= join(webRoot, 'dist');

let testApp: TestApp;
let context: BrowserContext;
let page: Page;
let base: string;
let userDataDir: string;
const pageErrors: string[] = [];
const requestedUrls: string[] = [];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  testApp = await startTestApp({ execution: { runWorkers: true, sweepEveryMs: 1_000 } });
  await testApp.app.listen(0, '127.0.0.1');
  const { port } = (testApp.app.getHttpServer() as Server).address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'journey-e2e-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  // The API serves the app with a Content-Security-Policy: anything it refuses is a failure.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(`CSP: ${message.text()}`);
  });
  page.on('request', (request) => requestedUrls.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  await testApp?.close();
});

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(outDir, `${name}.png`) });
const node = (id: string): Locator => page.getByTestId(`node-${id}`);
const sourceHandle = (id: string, handle: string): Locator => page.locator(`.react-flow__handle.source[data-nodeid="${id}"][data-handleid="${handle}"]`);
const targetHandle = (id: string): Locator => page.locator(`.react-flow__handle.target[data-nodeid="${id}"]`);

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${locator.toString()} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette step onto the canvas at a point relative to the canvas, then deselects it. */
async function drop(title: string, expectedId: string, at: { x: number; y: number }): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Add ${title}:`) }).dragTo(page.locator('.journey-canvas'), { targetPosition: at });
  await node(expectedId).waitFor();
  await page.keyboard.press('Escape');
}

/** Drags a connection from an out-handle to a step's in-handle with real mouse moves. */
async function connect(source: string, handle: string, target: string): Promise<void> {
  await page.keyboard.press('Escape');
  const from = await centre(sourceHandle(source, handle));
  const to = await centre(targetHandle(target));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  // A connected handle is drawn filled (no longer "open").
  await page.locator(`.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${handle}"]:not(.node-card__output--open)`).waitFor();
}

/** Drags a connection from an out-handle onto empty canvas and picks `title` in the menu that opens. */
async function addStepFromHandle(source: string, handle: string, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  const from = await centre(sourceHandle(source, handle));
  // The nearest empty spot of the pane to the right of (or below) the handle.
  const to = await page.evaluate(({ x, y }) => {
    for (const [dx, dy] of [[140, 0], [140, 90], [140, -90], [60, 140], [60, -140], [220, 0]]) {
      if (document.elementFromPoint(x + dx, y + dy)?.classList.contains('react-flow__pane')) return { x: x + dx, y: y + dy };
    }
    throw new Error('no empty canvas near the handle');
  }, from);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
  const menu = page.getByRole('menu', { name: /^Add a step after / });
  await menu.waitFor();
  await menu.getByRole('menuitem', { name: title, exact: true }).click();
  await page.keyboard.press('Escape');
}

/**
 * The number of connections drawn with the whole journey in view (zoomed in, the canvas draws only
 * what is on screen), once it reaches `expected` (an edge is drawn a frame after its node) or after 5 s.
 */
async function edgeCountReaching(expected: number): Promise<number> {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length >= n, expected, { timeout: 5_000 }).catch(() => undefined);
  return page.locator('.react-flow__edge').count();
}

/**
 * Waits until the canvas has stopped moving (a layout applied, a fit-view animation over): the
 * viewport's and the steps' transforms stay the same for 10 animation frames in a row.
 */
async function canvasSettled(): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const read = () => Array.from(document.querySelectorAll<HTMLElement>('.react-flow__viewport, .react-flow__node')).map((element) => element.style.transform).join('|');
        const first = read();
        let frames = 0;
        const next = () => {
          if (read() !== first) resolve(false);
          else if (++frames === 10) resolve(true);
          else requestAnimationFrame(next);
        };
        requestAnimationFrame(next);
      }),
    undefined,
    { timeout: 5_000 },
  );
}

/** "Tidy up", then fit the whole journey in the view. */
async function tidy(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await canvasSettled();
  await page.getByRole('button', { name: /fit view/i }).click();
  await canvasSettled();
}

async function open(id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await node(id).click();
}

async function api(method: 'post' | 'put' | 'patch', path: string, body: object, status: number): Promise<Record<string, unknown>> {
  const response = await testApp.http()[method](path).set(testApp.auth).send(body);
  if (response.status !== status) throw new Error(`${method.toUpperCase()} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

test('builds, validates, publishes and watches the omnichannel journey', async () => {
  const started = Date.now();
  // The WhatsApp template the journey sends: registered (pending), then approved by "Meta".
  const template = await api(
    'post',
    '/api/v1/whatsapp/templates',
    {
      name: 'promo_offer',
      language: 'en',
      category: 'marketing',
      components: [{ type: 'HEADER', format: 'TEXT', text: 'Your promo is here' }, { type: 'BODY', text: 'Hi {{1}}, here is 20% off today.', example: { body_text: [['Anna']] } }],
    },
    201,
  );
  expect(template['status']).toBe('pending');
  await api('patch', `/api/v1/whatsapp/templates/${String(template['id'])}`, { status: 'approved' }, 200);

  // 1. Sign in (the app holds a session cookie, never an API key), the journey list, a new blank journey.
  await testApp.signedIn('marketer@example.com', 'owner');
  const served = await page.goto(base);
  expect((await served?.allHeaders())?.['content-security-policy']).toContain("script-src 'self'");
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await shot('00-sign-in');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Email').fill('marketer@example.com');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: 'Project' }).waitFor();
  await shot('01-journeys');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Name', { exact: true }).fill('E2E promo follow-up');
  await page.getByText('Blank', { exact: true }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await node('entry').waitFor();
  await canvasSettled();
  await shot('02-blank-canvas');

  // 2. Drop the steps from the palette (the problems card folded away), then tidy the canvas up
  //    and fit it in the view: every handle is then on screen for the connections.
  await page.getByRole('region', { name: 'Problems' }).getByRole('button', { expanded: true }).click();
  const spot = (index: number): { x: number; y: number } => ({ x: 120 + (index % 3) * 180, y: 80 + Math.floor(index / 3) * 150 });
  await drop('Push', 'push', spot(0));
  await drop('Engagement check', 'engagement', spot(1));
  await drop('Exit', 'exit', spot(2));
  await drop('Email', 'email', spot(3));
  await drop('Engagement check', 'engagement-2', spot(4));
  await drop('Exit', 'exit-2', spot(5));
  await drop('WhatsApp', 'whatsapp', spot(6));
  await shot('03-steps-dropped');
  await tidy();
  expect(await page.locator('.react-flow__node').count()).toBe(8);

  // 3. Connect handle to handle, all but the second check's "No" path.
  await connect('entry', 'next', 'push');
  await connect('push', 'next', 'engagement');
  await connect('engagement', 'yes', 'exit');
  await connect('engagement', 'no', 'email');
  await connect('email', 'next', 'engagement-2');
  await connect('engagement-2', 'yes', 'exit-2');
  // The WhatsApp step's Exit: its connection let go on empty canvas, the step picked from the menu.
  await addStepFromHandle('whatsapp', 'next', 'Exit');
  await node('exit-3').waitFor();
  expect(await edgeCountReaching(7)).toBe(7);
  await shot('04-connected');

  // 4. The forms.
  await open('entry');
  await page.getByLabel('Event', { exact: true }).fill('PW_WhatsAppReceived');
  await page.getByRole('button', { name: '+ Add condition' }).click();
  await page.getByLabel('Field', { exact: true }).first().fill('event.text');
  await page.getByLabel('Operator', { exact: true }).first().selectOption('matches');
  await page.getByLabel('Value', { exact: true }).first().fill('promo');
  await shot('05-entry-form');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await open('push');
  await page.getByLabel('Title', { exact: true }).fill('Your promo is here');
  await page.getByLabel('Text', { exact: true }).fill('Hi {{tags.first_name|there}}, 20% off today.');

  await open('engagement');
  await page.getByLabel('Message to check', { exact: true }).selectOption('push');

  await open('email');
  await page.getByLabel('Subject', { exact: true }).fill('{{tags.first_name|Hello}}, your 20% promo');
  await page.getByLabel('Content (HTML)', { exact: true }).fill('<p>Hi {{tags.first_name|there}}, here is 20% off.</p>');

  await open('engagement-2');
  await page.getByLabel('Message to check', { exact: true }).selectOption('email');

  await open('whatsapp');
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'promo_offer · en' });
  await page.getByLabel('{{1}}', { exact: true }).fill('{{tags.first_name|there}}');
  await shot('06-whatsapp-form');
  await page.keyboard.press('Escape');

  // 5. The open "No" path (and the steps only it leads to) are what is left: listed, then fixed.
  await page.getByRole('button', { name: /^\d+ errors?$/ }).click();
  const problemsCard = page.getByRole('region', { name: 'Problems' });
  // Folded in step 2, it stays folded after the steps' panels opened and closed over it.
  await problemsCard.getByRole('button', { expanded: false }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await problems.waitFor();
  const problemTexts = await problems.getByRole('listitem').allInnerTexts();
  expect(problemTexts.some((text) => /Engagement check \(Email opened within 4 h\?\): the "no" path is not connected/.test(text))).toBe(true);
  expect(problemTexts.every((text) => /^(error|warning)\s*(Engagement check|WhatsApp|Exit) \(/i.test(text))).toBe(true);
  // Steps are named as the canvas shows them, never by their internal ids.
  expect(problemTexts.filter((text) => /Node "|"(engagement-2|whatsapp|exit-3)"/.test(text))).toEqual([]);
  await shot('07-problem-listed');
  await connect('engagement-2', 'no', 'whatsapp');
  await page.getByText('Ready to publish').waitFor();
  // Dragging from a connected output moves its connection: the canvas says so, and Undo puts it back.
  await connect('engagement', 'no', 'exit');
  const moved = page.getByRole('status').filter({ hasText: 'now leads to Exit instead of Email' });
  await moved.waitFor();
  await moved.getByRole('button', { name: 'Undo' }).click();
  await moved.waitFor({ state: 'detached' });
  await page.getByText('Ready to publish').waitFor();
  expect(await edgeCountReaching(8)).toBe(8);
  await tidy();
  await shot('08-ready');

  // 6. Simulate before launch: the "not opened" path to the WhatsApp step, in virtual time.
  await page.getByRole('button', { name: 'Simulate' }).click();
  const simulator = page.getByRole('complementary', { name: 'Simulate' });
  await simulator.getByLabel('First name', { exact: true }).fill('Ana');
  await simulator.getByRole('button', { name: 'Start simulation' }).click();
  await simulator.getByRole('button', { name: /^Performs PW_WhatsAppReceived/ }).click();
  await simulator.getByText(/Sends the push “Your promo is here”/).waitFor();
  await simulator.getByRole('button', { name: /^Does nothing until/ }).click();
  await simulator.getByText(/Sends the email “Ana, your 20% promo”/).waitFor();
  await simulator.getByRole('button', { name: /^Does nothing until/ }).click();
  await simulator.getByText(/Sends the WhatsApp template promo_offer \(en\)/).waitFor();
  await simulator.getByText('The user left the journey.').waitFor();
  // The whole journey in view (the canvas draws only what is on screen): the seven steps taken are marked.
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.waitForFunction(() => document.querySelectorAll('.node-card--on-path').length === 7);
  await shot('09-simulated');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close Simulate' }).click();
  expect(await page.locator('.node-card--on-path').count()).toBe(0);

  // 7. Publish.
  await page.getByRole('button', { name: /^Publish/ }).click();
  // The review says what publishing starts before it does.
  const review = page.getByRole('dialog', { name: 'Publish this journey?' });
  await review.getByText('When PW_WhatsAppReceived arrives where event.text matches "promo"').waitFor();
  await review.getByText('WhatsApp: 1 step').waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await review.getByRole('button', { name: 'Publish now' }).click();
  await page.getByText(/Live version 1/).waitFor({ timeout: 15_000 });
  await canvasSettled();
  await shot('10-live');

  // 8. Events through the API; the live counters refresh every 3 s.
  await api('put', '/api/v1/users/e2e-ana', { email: 'ana@example.com', phone: '+4915112345678', tags: { first_name: 'Ana' }, pushTokens: [{ token: 'tok-ana', platform: 'android' }] }, 200);
  await api('post', '/api/v1/events', { userId: 'e2e-ana', name: 'PW_WhatsAppReceived', attributes: { text: 'Hello there' }, idempotencyKey: 'e2e-hello' }, 202);
  await api('post', '/api/v1/events', { userId: 'e2e-ana', name: 'PW_WhatsAppReceived', attributes: { text: 'Promo' }, idempotencyKey: 'e2e-promo' }, 202);
  const counter = (id: string, title: string): Locator => node(id).getByTitle(title, { exact: true });
  await counter('entry', 'Times users reached this step: 1').waitFor({ timeout: 20_000 });
  await counter('push', 'Messages sent: 1').waitFor({ timeout: 20_000 });
  await counter('engagement', 'Users at this step now: 1').waitFor({ timeout: 20_000 });
  // Only the "promo" message entered; nobody went further than the first check.
  expect(await counter('entry', 'Times users reached this step: 1').count()).toBe(1);
  expect(await counter('email', 'Messages sent: 0').count()).toBe(1);
  await shot('11-live-counts');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // 9. A second version (the push retitled), then version 1 again from the Versions dialog.
  await page.getByRole('button', { name: 'Edit draft' }).click();
  // A reload while editing the draft of a live journey stays on the draft.
  await page.reload();
  await page.getByRole('button', { name: 'View live' }).waitFor();
  // The draft renamed in a second tab: this tab's next save meets it, says so above the canvas,
  // and keeps this tab's version on request.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByRole('button', { name: 'View live' }).waitFor();
  await other.getByLabel('Journey name', { exact: true }).fill('Renamed in another tab');
  await other.getByText('Saved', { exact: true }).waitFor();
  await page.getByLabel('Journey name', { exact: true }).fill('E2E promo follow-up, second version');
  const conflict = page.getByRole('alert').filter({ hasText: 'changed elsewhere since you opened it' });
  await conflict.waitFor();
  await shot('12-conflict');
  // The toolbar's own "Reload" is not covered by other buttons (a trial click fails on an obscured element).
  await page.locator('.save-status--conflict').getByRole('button', { name: 'Reload' }).click({ trial: true, timeout: 2_000 });
  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await conflict.waitFor({ state: 'detached' });
  await page.getByText('Saved', { exact: true }).waitFor();
  await other.close();
  await open('push');
  await page.getByLabel('Title', { exact: true }).fill('Your promo is still here');
  await page.keyboard.press('Escape');
  await page.locator('.save-status--saved').waitFor();
  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.getByRole('dialog', { name: 'Publish the changes as version 2?' }).getByRole('button', { name: 'Publish now' }).click();
  await page.getByText(/Live version 2/).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Versions' }).click();
  await page.getByRole('button', { name: /^Version 1, published / }).click();
  await page.getByText(/^Version 1, published .* read-only/).waitFor();
  await node('push').getByText('Your promo is here').waitFor();
  await shot('13-version-1');

  // 10. The owner invites a colleague as editor and makes an ingest-only key for the backend.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  expect(await page.getByLabel('Invitation link').inputValue()).toMatch(/\/accept-invitation\?token=/);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await shot('14-members');
  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await page.getByLabel('Key name').fill('Shop backend');
  await page.getByLabel('Scope').selectOption('ingest');
  await page.getByRole('button', { name: 'Create key' }).click();
  const backendKey = await page.getByLabel('New API key').inputValue();
  expect(backendKey).toMatch(/^jk_/);
  await page.getByRole('cell', { name: 'Shop backend', exact: true }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await shot('15-api-keys');
  const ingested = await testApp.http().post('/api/v1/events').set({ Authorization: `Bearer ${backendKey}` }).send({ userId: 'e2e-backend', name: 'Signup' });
  expect(ingested.status).toBe(202);

  expect(pageErrors).toEqual([]);
  // No address the browser asked for carried an API key.
  expect(requestedUrls.length).toBeGreaterThan(10);
  expect(requestedUrls.filter((url) => url.includes('jk_') || url.includes(testApp.apiKey) || url.includes(backendKey))).toEqual([]);
  console.log(`e2e journey built, published and watched in ${Date.now() - started} ms`);
});
