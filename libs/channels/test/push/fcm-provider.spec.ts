import { generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { FcmProvider, FinalSendError, type GoogleServiceAccount, RetryableSendError } from '../../src';
import { LocalHttpServer, type RecordedRequest, type Reply } from '../support/local-http-server';
import { outgoingMessage } from '../support/outgoing-message';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

function fcmError(httpCode: number, status: string, errorCode?: string): Reply {
  return {
    status: httpCode,
    body: {
      error: {
        code: httpCode,
        message: `Requested entity failed: ${status}`,
        status,
        details: errorCode ? [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] : [],
      },
    },
  };
}

/** Checks an RS256 JWT against the service account's public key; answers its claims. */
function verifiedClaims(jwt: string, key: KeyObject): Record<string, unknown> {
  const [header, claims, signature] = jwt.split('.');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
  expect(verify('sha256', Buffer.from(`${header}.${claims}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
}

describe('FcmProvider', () => {
  const google = new LocalHttpServer();
  let account: GoogleServiceAccount;
  let tokenRequests: RecordedRequest[] = [];
  let issued = 0;
  let rejectNextAccessToken = false;
  let clock = Date.parse('2025-06-01T10:00:00Z');

  const responder = (request: RecordedRequest): Reply => {
    if (request.path === '/token') {
      tokenRequests.push(request);
      const form = new URLSearchParams(request.text);
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return { status: 400, body: { error: 'unsupported_grant_type' } };
      const claims = verifiedClaims(form.get('assertion')!, publicKey);
      expect(claims).toMatchObject({ iss: account.client_email, scope: 'https://www.googleapis.com/auth/firebase.messaging', aud: account.token_uri });
      expect(claims.exp).toBe((claims.iat as number) + 3600);
      issued += 1;
      return { body: { access_token: `ya29.token-${issued}`, expires_in: 3599, token_type: 'Bearer' } };
    }
    expect(request.path).toBe('/v1/projects/demo-project/messages:send');
    if (rejectNextAccessToken) {
      rejectNextAccessToken = false;
      return fcmError(401, 'UNAUTHENTICATED');
    }
    expect(request.headers.authorization).toBe(`Bearer ya29.token-${issued}`);
    const { message } = JSON.parse(request.text) as { message: { token: string } };
    switch (message.token) {
      case 'tok-dead':
        return fcmError(404, 'NOT_FOUND', 'UNREGISTERED');
      case 'tok-quota':
        return { ...fcmError(429, 'RESOURCE_EXHAUSTED', 'QUOTA_EXCEEDED'), headers: { 'retry-after': '60' } };
      case 'tok-unavailable':
        return fcmError(503, 'UNAVAILABLE', 'UNAVAILABLE');
      case 'tok-invalid':
        return fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT');
      case 'tok-mismatch':
        return fcmError(403, 'PERMISSION_DENIED', 'SENDER_ID_MISMATCH');
      default:
        return { body: { name: `projects/demo-project/messages/0:${message.token}%31bd1c9631bd1c96` } };
    }
  };

  beforeAll(async () => {
    await google.start();
    account = {
      project_id: 'demo-project',
      client_email: 'firebase-adminsdk-abc12@demo-project.iam.gserviceaccount.com',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      token_uri: `${google.url}/token`,
    };
    google.respond(responder);
  });
  afterAll(() => google.stop());
  beforeEach(() => {
    google.requests.splice(0);
    tokenRequests = [];
  });

  const provider = (): FcmProvider => new FcmProvider({ serviceAccount: account, fcmBaseUrl: google.url, timeoutMs: 2000, allowPrivateNetworks: true, now: () => clock });
  const push = (tokens: Array<{ token: string; platform: string }>, content: Record<string, unknown> = { title: 'Sale', body: '50% off today', link: 'https://shop.example.com/sale' }) =>
    outgoingMessage({ channel: 'push', content, to: { pushTokens: tokens } });

  it('puts the signed open-tracking URL in the data, so the app can report the open without an API key', async () => {
    const message = { ...push([{ token: 'tok-open', platform: 'android' }]), tracking: { openUrl: 'https://journeys.example.com/t/o/TOKEN' } };
    await provider().send(message);
    const sendRequest = google.requests.find((request) => request.path.endsWith(':send'))!;
    expect((JSON.parse(sendRequest.text) as { message: { data: Record<string, string> } }).message.data).toEqual({
      messageId: '7d1c1f0e-4f6a-4c47-9a59-2d9a6a0f3b11',
      link: 'https://shop.example.com/sale',
      openUrl: 'https://journeys.example.com/t/o/TOKEN',
    });
  });

  it('gets an access token with a signed JWT, sends the FCM v1 message and caches the token', async () => {
    const fcm = provider();
    await expect(fcm.send(push([{ token: 'tok-a', platform: 'android' }]))).resolves.toEqual({ providerMessageId: 'projects/demo-project/messages/0:tok-a%31bd1c9631bd1c96' });
    const sendRequest = google.requests.find((request) => request.path.endsWith(':send'))!;
    expect(JSON.parse(sendRequest.text)).toEqual({
      message: {
        token: 'tok-a',
        notification: { title: 'Sale', body: '50% off today' },
        data: { messageId: '7d1c1f0e-4f6a-4c47-9a59-2d9a6a0f3b11', link: 'https://shop.example.com/sale' },
        android: { priority: 'high' },
      },
    });
    await fcm.send(push([{ token: 'tok-b', platform: 'android' }]));
    expect(tokenRequests).toHaveLength(1);

    // Shortly before expiry the token is renewed.
    clock += 3599_000 - 4 * 60_000;
    await fcm.send(push([{ token: 'tok-c', platform: 'android' }]));
    expect(tokenRequests).toHaveLength(2);
  });

  it('shares one token request between concurrent sends', async () => {
    const fcm = provider();
    await Promise.all([fcm.send(push([{ token: 'tok-1', platform: 'android' }])), fcm.send(push([{ token: 'tok-2', platform: 'ios' }]))]);
    expect(tokenRequests).toHaveLength(1);
  });

  it('asks iOS to fetch the image', async () => {
    await provider().send(push([{ token: 'tok-ios', platform: 'ios' }], { title: 'New', body: 'Look', imageUrl: 'https://cdn.example.com/i.png' }));
    const { message } = JSON.parse(google.requests.find((request) => request.path.endsWith(':send'))!.text) as { message: Record<string, unknown> };
    expect(message.notification).toEqual({ title: 'New', body: 'Look', image: 'https://cdn.example.com/i.png' });
    expect(message.apns).toEqual({ headers: { 'apns-priority': '10' }, payload: { aps: { 'mutable-content': 1, sound: 'default' } }, fcm_options: { image: 'https://cdn.example.com/i.png' } });
    expect(message.android).toBeUndefined();
  });

  it('succeeds when any token took the message and reports the dead ones', async () => {
    const result = await provider().send(
      push([
        { token: 'tok-dead', platform: 'android' },
        { token: 'tok-ok', platform: 'ios' },
        { token: 'tok-invalid', platform: 'android' },
      ]),
    );
    expect(result).toEqual({ providerMessageId: 'projects/demo-project/messages/0:tok-ok%31bd1c9631bd1c96', deadTokens: ['tok-dead'] });
  });

  it('fails final with the dead tokens when every token is dead', async () => {
    const error = await provider()
      .send(push([{ token: 'tok-dead', platform: 'android' }]))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FinalSendError);
    expect((error as FinalSendError).deadTokens).toEqual(['tok-dead']);
    expect((error as FinalSendError).message).toContain('UNREGISTERED');
  });

  it('retries quota and availability errors, keeping the dead tokens learnt', async () => {
    const error = await provider()
      .send(
        push([
          { token: 'tok-quota', platform: 'android' },
          { token: 'tok-dead', platform: 'android' },
          { token: 'tok-unavailable', platform: 'ios' },
        ]),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryableSendError);
    expect((error as RetryableSendError).deadTokens).toEqual(['tok-dead']);
    expect((error as RetryableSendError).retryAfterMs).toBe(60_000);
  });

  it('fails final on invalid arguments and on a sender mismatch, without calling those tokens dead', async () => {
    for (const token of ['tok-invalid', 'tok-mismatch']) {
      const error = await provider()
        .send(push([{ token, platform: 'android' }]))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FinalSendError);
      expect((error as FinalSendError).deadTokens).toEqual([]);
    }
  });

  it('renews a refused access token once', async () => {
    const fcm = provider();
    await fcm.send(push([{ token: 'tok-warm', platform: 'android' }]));
    rejectNextAccessToken = true;
    await expect(fcm.send(push([{ token: 'tok-after-401', platform: 'android' }]))).resolves.toEqual({ providerMessageId: expect.stringContaining('tok-after-401') as unknown });
    expect(tokenRequests).toHaveLength(2);
  });

  it('fails final when Google refuses the service account', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    google.respond((request) => (request.path === '/token' ? { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } } : responder(request)));
    const fcm = new FcmProvider({ serviceAccount: { ...account, private_key: other }, fcmBaseUrl: google.url, allowPrivateNetworks: true });
    const error = await fcm.send(push([{ token: 'tok-x', platform: 'android' }])).catch((caught: unknown) => caught);
    google.respond(responder);
    expect(error).toBeInstanceOf(FinalSendError);
    expect((error as FinalSendError).message).toContain('invalid_grant: Invalid JWT Signature.');
  });

  it('leaves web tokens to Web Push and says so when nothing else is left', async () => {
    await expect(provider().send(push([{ token: '{"endpoint":"https://push.example/x"}', platform: 'web' }]))).rejects.toThrow(/no push provider is configured for web tokens/);
    await expect(provider().send(push([]))).rejects.toThrow(/no push token/);
    expect(google.requests).toHaveLength(0);
  });

  it('accepts a private key pasted with literal \\n', async () => {
    const fcm = new FcmProvider({ serviceAccount: { ...account, private_key: account.private_key.replace(/\n/g, '\\n') }, fcmBaseUrl: google.url, allowPrivateNetworks: true });
    await expect(fcm.send(push([{ token: 'tok-pasted', platform: 'android' }]))).resolves.toBeDefined();
  });
});
