import { isBlockedAddress, OutboundRequestError, parseOutboundUrl, sendOutboundRequest } from '../../src';
import { resolvePinnedAddress } from '../../src/net/public-address-lookup';
import { LocalHttpServer } from '../support/local-http-server';

describe('isBlockedAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '[::1]', 'localhost', 'not-an-ip'])(
    'blocks %s',
    (address) => expect(isBlockedAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('lets %s through', (address) => expect(isBlockedAddress(address)).toBe(false));
});

describe('parseOutboundUrl', () => {
  it('refuses other schemes and internal literals, however they are written', () => {
    expect(() => parseOutboundUrl('file:///etc/passwd', false)).toThrow(/file URLs are not allowed/);
    expect(() => parseOutboundUrl('gopher://x', true)).toThrow(OutboundRequestError);
    expect(() => parseOutboundUrl('not a url', true)).toThrow(/not a valid URL/);
    for (const url of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]:8080/', 'http://[::ffff:7f00:1]/', 'http://10.0.0.1/', 'http://0.0.0.0/', 'http://169.254.169.254/latest/meta-data/']) {
      expect(() => parseOutboundUrl(url, false)).toThrow(/internal address/);
    }
    expect(parseOutboundUrl('http://127.0.0.1/', true).hostname).toBe('127.0.0.1');
    expect(parseOutboundUrl('https://example.com/x', false).hostname).toBe('example.com');
  });
});

describe('sendOutboundRequest', () => {
  const server = new LocalHttpServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('refuses a name that resolves to an internal address when the socket resolves it', async () => {
    const port = new URL(server.url).port;
    const error = await sendOutboundRequest({ url: `http://localhost:${port}/`, method: 'GET', timeoutMs: 2000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutboundRequestError);
    expect((error as OutboundRequestError).failure).toBe('blocked-address');
    expect((error as OutboundRequestError).message).toMatch(/localhost resolves to .*an internal address/);
    expect(server.requests).toHaveLength(0);
    await expect(resolvePinnedAddress('localhost', false)).rejects.toThrow(/internal address/);
    // The same name is fine where private networks are allowed.
    server.respond(() => ({ status: 204 }));
    await expect(sendOutboundRequest({ url: `http://localhost:${port}/`, method: 'GET', timeoutMs: 2000, allowPrivateNetworks: true })).resolves.toMatchObject({ status: 204 });
  });

  it('reads the answer up to the size limit and never follows redirects', async () => {
    server.requests.splice(0);
    server.respond(() => ({ status: 302, headers: { location: 'http://10.0.0.1/' }, body: 'x'.repeat(5000) }));
    const response = await sendOutboundRequest({ url: `${server.url}/go`, method: 'POST', body: '{}', timeoutMs: 2000, allowPrivateNetworks: true, maxResponseBytes: 100 });
    expect(response.status).toBe(302);
    expect(response.body).toHaveLength(100);
    expect(server.requests).toHaveLength(1);
  });

  it('ends with a timeout when the answer does not come in time', async () => {
    server.respond(() => ({ delayMs: 2000 }));
    const started = Date.now();
    const error = await sendOutboundRequest({ url: server.url, method: 'GET', timeoutMs: 200, allowPrivateNetworks: true }).catch((caught: unknown) => caught);
    expect((error as OutboundRequestError).failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
