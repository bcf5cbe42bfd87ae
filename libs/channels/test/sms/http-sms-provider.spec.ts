import { FinalSendError, HttpSmsProvider, RetryableSendError } from '../../src';
import { LocalHttpServer } from '../support/local-http-server';
import { outgoingMessage } from '../support/outgoing-message';

describe('HttpSmsProvider', () => {
  const gateway = new LocalHttpServer();
  beforeAll(() => gateway.start());
  afterAll(() => gateway.stop());
  beforeEach(() => gateway.requests.splice(0));

  const sms = outgoingMessage({ channel: 'sms', content: { text: 'Your code is 4821' }, to: { phone: '+4915123456789' } });
  const provider = (): HttpSmsProvider => new HttpSmsProvider({ url: `${gateway.url}/sms`, authHeader: 'Bearer gw-key', from: 'ACME', timeoutMs: 1000, allowPrivateNetworks: true });

  it('posts { to, from, text } with the auth and idempotency headers and answers with the gateway id', async () => {
    gateway.respond(() => ({ status: 202, body: { id: 'sms_01HZX' } }));
    await expect(provider().send(sms)).resolves.toEqual({ providerMessageId: 'sms_01HZX' });
    const [request] = gateway.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/sms');
    expect(request.headers.authorization).toBe('Bearer gw-key');
    expect(request.headers['idempotency-key']).toBe(sms.idempotencyKey);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.text)).toEqual({ to: '+4915123456789', from: 'ACME', text: 'Your code is 4821' });
  });

  it('counts a 2xx without id as sent', async () => {
    gateway.respond(() => ({ status: 200, body: 'OK' }));
    await expect(provider().send(sms)).resolves.toEqual({ providerMessageId: expect.stringMatching(/^sms-/) as unknown });
  });

  it('retries 429, 5xx, timeouts and network errors; gives up on other 4xx', async () => {
    gateway.respond(() => ({ status: 429, headers: { 'retry-after': '5' } }));
    await expect(provider().send(sms)).rejects.toMatchObject({ constructor: RetryableSendError, retryAfterMs: 5000 });
    gateway.respond(() => ({ status: 500 }));
    await expect(provider().send(sms)).rejects.toThrow(RetryableSendError);
    gateway.respond(() => ({ delayMs: 3000 }));
    await expect(provider().send(sms)).rejects.toThrow(/did not answer within 1000 ms/);
    await expect(new HttpSmsProvider({ url: 'http://127.0.0.1:1/sms', allowPrivateNetworks: true }).send(sms)).rejects.toThrow(RetryableSendError);
    gateway.respond(() => ({ status: 400, body: { error: 'invalid number' } }));
    await expect(provider().send(sms)).rejects.toThrow(FinalSendError);
    await expect(provider().send(sms)).rejects.toThrow('SMS gateway answered HTTP 400: {"error":"invalid number"}');
  });

  it('refuses a message without phone or text, and an internal gateway when not allowed', async () => {
    await expect(provider().send({ ...sms, to: {} })).rejects.toThrow(FinalSendError);
    await expect(provider().send({ ...sms, content: { text: '' } })).rejects.toThrow(FinalSendError);
    await expect(new HttpSmsProvider({ url: `${gateway.url}/sms` }).send(sms)).rejects.toThrow(/internal address/);
    expect(gateway.requests).toHaveLength(0);
  });
});
