import { generateKeyPairSync } from 'node:crypto';
import webPush from 'web-push';
import { createChannelProvider, FinalSendError, RetryableSendError, WebPushProvider } from '../../src';
import { LocalHttpServer, type Reply } from '../support/local-http-server';
import { outgoingMessage } from '../support/outgoing-message';
import { verifyVapid, WebPushReceiver } from '../support/web-push-receiver';

describe('WebPushProvider', () => {
  const pushService = new LocalHttpServer();
  const vapid = webPush.generateVAPIDKeys();
  const browser = new WebPushReceiver();
  let statusFor: (path: string) => Reply;

  beforeAll(async () => {
    await pushService.start();
    pushService.respond((request) => statusFor(request.path));
  });
  afterAll(() => pushService.stop());
  beforeEach(() => {
    pushService.requests.splice(0);
    statusFor = (path) => ({ status: 201, headers: { location: `${pushService.url}/m${path}` } });
  });

  const provider = (): WebPushProvider =>
    new WebPushProvider({ vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: 'mailto:ops@example.com', ttlSeconds: 3600, timeoutMs: 2000, allowPrivateNetworks: true });
  const push = (tokens: string[]) =>
    outgoingMessage({
      channel: 'push',
      content: { title: 'Back in stock', body: 'Your size is back', link: 'https://shop.example.com/p/1', imageUrl: 'https://cdn.example.com/p1.jpg' },
      to: { pushTokens: tokens.map((token) => ({ token, platform: 'web' })) },
    });

  it('sends an encrypted payload the browser can read, signed with VAPID', async () => {
    const result = await provider().send(push([browser.subscription(`${pushService.url}/sub/abc`)]));
    expect(result).toEqual({ providerMessageId: `${pushService.url}/m/sub/abc` });

    const [request] = pushService.requests;
    expect(request.path).toBe('/sub/abc');
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.ttl).toBe('3600');
    expect(request.headers.urgency).toBe('normal');
    expect(request.headers.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const claims = verifyVapid(request.headers.authorization, vapid.publicKey);
    expect(claims).toMatchObject({ aud: pushService.url, sub: 'mailto:ops@example.com' });
    expect(JSON.parse(browser.decrypt(request.body))).toEqual({
      title: 'Back in stock',
      body: 'Your size is back',
      link: 'https://shop.example.com/p/1',
      url: 'https://shop.example.com/p/1',
      image: 'https://cdn.example.com/p1.jpg',
      messageId: '7d1c1f0e-4f6a-4c47-9a59-2d9a6a0f3b11',
    });
  });

  it('gives the service worker the signed open-tracking URL', async () => {
    const message = { ...push([browser.subscription(`${pushService.url}/sub/open`)]), tracking: { openUrl: 'https://journeys.example.com/t/o/TOKEN' } };
    await provider().send(message);
    const request = pushService.requests.at(-1)!;
    expect((JSON.parse(browser.decrypt(request.body)) as { openUrl?: string }).openUrl).toBe('https://journeys.example.com/t/o/TOKEN');
  });

  it('reports 404 and 410 subscriptions as dead, and succeeds if another subscription took it', async () => {
    statusFor = (path) => (path === '/gone' ? { status: 410 } : path === '/unknown' ? { status: 404 } : { status: 201 });
    const gone = browser.subscription(`${pushService.url}/gone`);
    const unknown = browser.subscription(`${pushService.url}/unknown`);
    const result = await provider().send(push([gone, browser.subscription(`${pushService.url}/ok`), unknown]));
    expect(result.deadTokens).toEqual([gone, unknown]);
    expect(result.providerMessageId).toMatch(/^webpush-/);

    const allDead = await provider()
      .send(push([gone]))
      .catch((error: unknown) => error);
    expect(allDead).toBeInstanceOf(FinalSendError);
    expect((allDead as FinalSendError).deadTokens).toEqual([gone]);
  });

  it('retries 429 and 5xx', async () => {
    statusFor = (path) => (path === '/busy' ? { status: 429, headers: { 'retry-after': '120' } } : { status: 502 });
    const error = await provider()
      .send(push([browser.subscription(`${pushService.url}/busy`), browser.subscription(`${pushService.url}/down`)]))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryableSendError);
    expect((error as RetryableSendError).retryAfterMs).toBe(120_000);
  });

  it('calls malformed subscriptions dead without sending anything', async () => {
    const malformed = ['not json', '{"endpoint":"ftp://x","keys":{"p256dh":"a","auth":"b"}}', JSON.stringify({ endpoint: `${pushService.url}/x`, keys: { p256dh: 'short', auth: 'short' } })];
    const error = await provider()
      .send(push(malformed))
      .catch((caught: unknown) => caught);
    expect((error as FinalSendError).deadTokens).toEqual(malformed);
    expect(pushService.requests).toHaveLength(0);
  });

  it('refuses internal endpoints unless private networks are allowed, without calling the token dead', async () => {
    const guarded = new WebPushProvider({ vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: 'mailto:ops@example.com' });
    const internal = browser.subscription(`https://127.0.0.1:${new URL(pushService.url).port}/sub`);
    const error = await guarded.send(push([internal])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FinalSendError);
    expect((error as FinalSendError).deadTokens).toEqual([]);
    expect((error as FinalSendError).message).toContain('internal address');
    // Plain http endpoints are for local stand-ins only.
    const plain = browser.subscription('http://push.example.com/sub');
    await expect(guarded.send(push([plain]))).rejects.toMatchObject({ deadTokens: [plain] });
    expect(pushService.requests).toHaveLength(0);
  });

  it('checks the VAPID keys when built', () => {
    expect(() => new WebPushProvider({ vapidPublicKey: 'nope', vapidPrivateKey: vapid.privateKey, subject: 'mailto:ops@example.com' })).toThrow();
  });

  it('shares a message between Web Push and FCM tokens in the combined push provider', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const google = new LocalHttpServer();
    await google.start();
    google.respond((request) =>
      request.path === '/token'
        ? { body: { access_token: 'ya29.x', expires_in: 3600 } }
        : { status: 404, body: { error: { code: 404, status: 'NOT_FOUND', details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' }] } } },
    );
    try {
      const combined = createChannelProvider(
        {
          provider: 'push',
          webpush: { vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: 'mailto:ops@example.com' },
          fcm: {
            serviceAccount: { project_id: 'demo-project', client_email: 'sa@demo-project.iam.gserviceaccount.com', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), token_uri: `${google.url}/token` },
            fcmBaseUrl: google.url,
          },
        },
        { allowPrivateNetworks: true },
      );
      const message = outgoingMessage({
        channel: 'push',
        content: { title: 'Hi', body: 'There' },
        to: { pushTokens: [{ token: 'android-uninstalled', platform: 'android' }, { token: browser.subscription(`${pushService.url}/sub/web`), platform: 'web' }] },
      });
      const result = await combined.send(message);
      expect(result.deadTokens).toEqual(['android-uninstalled']);
      expect(result.providerMessageId).toBe(`${pushService.url}/m/sub/web`);
      expect(google.requests.map((request) => request.path)).toEqual(['/token', '/v1/projects/demo-project/messages:send']);
    } finally {
      await google.stop();
    }
  });
});
