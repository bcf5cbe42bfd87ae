import { FinalSendError, RetryableSendError, verifyWebhookSignature, WebhookProvider } from '../../src';
import { LocalHttpServer } from '../support/local-http-server';
import { outgoingMessage } from '../support/outgoing-message';

describe('WebhookProvider', () => {
  const backend = new LocalHttpServer();
  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  beforeEach(() => {
    backend.requests.splice(0);
    backend.respond(() => ({ status: 200, headers: { 'x-request-id': 'req-123' }, body: { ok: true } }));
  });

  const provider = new WebhookProvider({ allowPrivateNetworks: true, timeoutMs: 1000, signingSecret: 'whsec_0123456789abcdef' });
  const webhook = (content: Record<string, unknown>) =>
    outgoingMessage({ channel: 'webhook', content: { url: `${backend.url}/hooks/journey`, method: 'POST', ...content }, user: { id: 'u-1', externalId: 'crm-42' } });

  it('sends the rendered JSON body as is, with the node headers, and answers with X-Request-Id', async () => {
    const body = '{"customer":"crm-42","event":"cart_abandoned","items":[1,2]}';
    await expect(provider.send(webhook({ method: 'PUT', headers: { 'X-Api-Key': 'k-1', 'Content-Type': 'text/plain' }, body }))).resolves.toEqual({ providerMessageId: 'req-123' });
    const [request] = backend.requests;
    expect(request.method).toBe('PUT');
    expect(request.path).toBe('/hooks/journey');
    expect(request.text).toBe(body);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-api-key']).toBe('k-1');
    expect(request.headers['idempotency-key']).toBe('1f0e4f6a-4c47-4a59-9d9a-6a0f3b117d1c:send_1:1');
    expect(verifyWebhookSignature(request.text, request.headers['x-journey-signature'] as string, 'whsec_0123456789abcdef', Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhookSignature(`${request.text} `, request.headers['x-journey-signature'] as string, 'whsec_0123456789abcdef', Math.floor(Date.now() / 1000))).toBe(false);
  });

  it('sends a default body when the node has none, and makes up an id when the answer has none', async () => {
    backend.respond(() => ({ status: 204 }));
    const result = await provider.send(webhook({}));
    expect(result.providerMessageId).toMatch(/^webhook-/);
    expect(JSON.parse(backend.requests[0].text)).toEqual({
      messageId: '7d1c1f0e-4f6a-4c47-9a59-2d9a6a0f3b11',
      projectId: 'b3f5c2a4-0000-4000-8000-000000000001',
      idempotencyKey: '1f0e4f6a-4c47-4a59-9d9a-6a0f3b117d1c:send_1:1',
      user: { id: 'u-1', externalId: 'crm-42' },
    });
  });

  it('refuses a body that is no longer JSON once rendered, and bad methods or headers, without calling', async () => {
    await expect(provider.send(webhook({ body: '{"name":"O"Brien"}' }))).rejects.toThrow(/not valid JSON/);
    await expect(provider.send(webhook({ method: 'DELETE' }))).rejects.toThrow(FinalSendError);
    await expect(provider.send(webhook({ headers: { Host: 'evil.example' } }))).rejects.toThrow(/set by the engine/);
    await expect(provider.send(webhook({ headers: { 'X-Bad': 'a\r\nInjected: yes' } }))).rejects.toThrow(/one line/);
    await expect(provider.send(webhook({ headers: { 'Bad Name': 'x' } }))).rejects.toThrow(/not valid/);
    await expect(provider.send(webhook({ url: 'file:///etc/passwd' }))).rejects.toThrow(FinalSendError);
    expect(backend.requests).toHaveLength(0);
  });

  it('retries 429, 5xx and timeouts; gives up on other 4xx and on redirects, which it does not follow', async () => {
    backend.respond(() => ({ status: 503 }));
    await expect(provider.send(webhook({}))).rejects.toThrow(RetryableSendError);
    backend.respond(() => ({ status: 429 }));
    await expect(provider.send(webhook({}))).rejects.toThrow(RetryableSendError);
    backend.respond(() => ({ delayMs: 2000 }));
    await expect(provider.send(webhook({}))).rejects.toThrow(RetryableSendError);
    backend.respond(() => ({ status: 422, body: { error: 'unknown customer' } }));
    await expect(provider.send(webhook({}))).rejects.toThrow('Webhook answered HTTP 422: {"error":"unknown customer"}');
    backend.respond(() => ({ status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }));
    await expect(provider.send(webhook({}))).rejects.toThrow(/redirect to http:\/\/169\.254\.169\.254.*not followed/);
    expect(backend.requests.filter((request) => request.path !== '/hooks/journey')).toHaveLength(0);
  });

  it('honours the node timeout', async () => {
    backend.respond(() => ({ delayMs: 600 }));
    await expect(provider.send(webhook({ timeoutMs: 200 }))).rejects.toThrow(/within 200 ms/);
  });

  describe('SSRF guard', () => {
    const guarded = new WebhookProvider({ allowPrivateNetworks: false });
    it.each(['http://127.0.0.1:9/x', 'http://10.0.0.1/x', 'http://[::1]:9/x', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0:9/', 'http://[fd00::1]/', 'http://100.64.1.1/'])(
      'refuses %s before connecting',
      async (url) => {
        const error = await guarded.send(webhook({ url })).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(FinalSendError);
        expect((error as FinalSendError).message).toContain('internal address');
        expect((error as FinalSendError).code).toBe('blocked-address');
      },
    );

    it('refuses a name resolving to an internal address, and schemes other than http(s)', async () => {
      await expect(guarded.send(webhook({ url: `http://localhost:${new URL(backend.url).port}/hooks/journey` }))).rejects.toThrow(/internal address/);
      await expect(guarded.send(webhook({ url: 'ftp://example.com/x' }))).rejects.toThrow(/ftp URLs are not allowed/);
      expect(backend.requests).toHaveLength(0);
    });
  });
});
