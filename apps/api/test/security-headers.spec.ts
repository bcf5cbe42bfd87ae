import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './test-app';

describe('security headers on every response', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'web-dist-headers-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index.js"></script>');
    writeFileSync(join(webDist, 'assets', 'index.js'), 'console.log(1)');
    process.env['WEB_DIST_DIR'] = webDist;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    delete process.env['WEB_DIST_DIR'];
    rmSync(webDist, { recursive: true, force: true });
  });

  const expectHardened = (headers: Record<string, string | undefined>) => {
    const csp = headers['content-security-policy'] ?? '';
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers).not.toHaveProperty('x-powered-by');
  };

  it('on API routes, their errors and the health check', async () => {
    expectHardened((await t.http().get('/api/v1/journeys').set(t.auth).expect(200)).headers);
    expectHardened((await t.http().get('/api/v1/journeys').expect(401)).headers);
    expectHardened((await t.http().post('/api/v1/events').set(t.auth).set('content-type', 'application/json').send('{"name":').expect(400)).headers);
    expectHardened((await t.http().get('/health')).headers);
  });

  it('on the web app and its assets, which only this origin may load', async () => {
    const page = await t.http().get('/journeys/some-id').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('<div id="root">');
    expectHardened(page.headers);
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expectHardened((await t.http().get('/assets/index.js').expect(200)).headers);
  });

  it('on tracking links, whose open pixel webmail pages of other origins load', async () => {
    const pixel = await t.http().get('/t/o/not-a-valid-token');
    expectHardened(pixel.headers);
    expect(pixel.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});
