// A user's story in the browser: the real API (fresh PostgreSQL database, own queue prefix, workers
// running) runs a journey that emails a user who opted out of email; a marketer signs in, finds the
// user on the Users page and sees on their page the step log and the suppressed email with its
// reason in words. axe-core checks both pages. Screenshots: test-artifacts/e2e/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type JourneyGraph } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../api/test/test-app';
import { seriousAccessibilityViolations } from './accessibility-check';

const webRoot = resolve(__dirname, '..');
const outDir = resolve(webRoot, '..', '..', 'test-artifacts', 'e2e');
process.env['WEB_DIST_DIR'] ??= join(webRoot, 'dist');

const position = { x: 0, y: 0 };
/** Signup -> email -> exit. */
const welcome: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    { id: 'signup', type: 'entry.event', data: { event: 'Signup' }, position },
    { id: 'email', type: 'send.email', data: { subject: 'Welcome', html: '<p>Hi</p>' }, position, label: 'Welcome mail' },
    { id: 'exit', type: 'exit', data: {}, position },
  ],
  edges: [
    { id: 'e1', source: 'signup', sourceHandle: 'next', target: 'email' },
    { id: 'e2', source: 'email', sourceHandle: 'next', target: 'exit' },
  ],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
};

let testApp: TestApp;
let context: BrowserContext;
let page: Page;
let base: string;
let userDataDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  testApp = await startTestApp({ execution: { runWorkers: true } });
  await testApp.app.listen(0, '127.0.0.1');
  const { port } = (testApp.app.getHttpServer() as Server).address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'journey-e2e-story-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
});

afterAll(async () => {
  await context?.close();
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  await testApp?.close();
});

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });

it("shows a user's story with the email not sent because they opted out", async () => {
  const journey = (await testApp.http().post('/api/v1/journeys').set(testApp.auth).send({ name: 'Welcome', graph: welcome }).expect(201)).body as { id: string };
  await testApp.http().post(`/api/v1/journeys/${journey.id}/publish`).set(testApp.auth).expect(201);
  await testApp.http().put('/api/v1/users/olga').set(testApp.auth).send({ email: 'olga@example.com', optIns: { email: false }, tags: { plan: 'gold' } }).expect(200);
  await testApp.http().put('/api/v1/users/pete').set(testApp.auth).send({ email: 'pete@example.com' }).expect(200);
  await testApp.http().post('/api/v1/events').set(testApp.auth).send({ events: [{ userId: 'olga', name: 'Signup' }] }).expect(202);
  await eventually(
    async () => (await testApp.db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM journey_instances`)).map((row) => row.status).join() === 'completed',
    20_000,
    "olga's journey to end",
  );

  await testApp.signedIn('marketer@example.com', 'owner');
  await page.goto(base);
  await page.getByLabel('Email').fill('marketer@example.com');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'pete' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search users' }).fill('olg');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'pete' }).waitFor({ state: 'detached' });
  await shot('story-01-users');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'olga' }).click();
  await page.getByRole('heading', { name: 'olga', level: 1 }).waitFor();
  const story = page.getByRole('article', { name: 'Welcome v1' });
  await story.getByText('Reached Welcome mail').waitFor();
  await story.getByText('Not sent: the user opted out of email.').waitFor();
  await story.getByText('Left the journey at Exit').waitFor();
  await page.getByText('not reachable — the user opted out of email').waitFor();
  await shot('story-02-user');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
