import { FinalSendError, RetryableSendError, WhatsAppCloudProvider } from '../../src';
import { LocalHttpServer } from '../support/local-http-server';
import { outgoingMessage } from '../support/outgoing-message';

const templateMessage = outgoingMessage({
  channel: 'whatsapp',
  content: { mode: 'template', template: { name: 'welcome', language: 'en', bodyParameters: ['Anna'] } },
  to: { phone: '+4915123456789' },
});

function metaError(code: number, message: string, extra: Record<string, unknown> = {}): object {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra } };
}

describe('WhatsAppCloudProvider', () => {
  const graph = new LocalHttpServer();
  let provider: WhatsAppCloudProvider;

  beforeAll(async () => {
    await graph.start();
    provider = new WhatsAppCloudProvider({ graphBaseUrl: graph.url, phoneNumberId: '106540352242922', accessToken: 'EAAG-test-token-0123456789', timeoutMs: 1500, allowPrivateNetworks: true });
  });
  afterAll(() => graph.stop());
  beforeEach(() => graph.requests.splice(0));

  it('posts the message to /{version}/{phone-number-id}/messages and answers with the wamid', async () => {
    graph.respond(() => ({
      body: { messaging_product: 'whatsapp', contacts: [{ input: '4915123456789', wa_id: '4915123456789' }], messages: [{ id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA' }] },
    }));
    await expect(provider.send(templateMessage)).resolves.toEqual({ providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA' });
    const [request] = graph.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v21.0/106540352242922/messages');
    expect(request.headers.authorization).toBe('Bearer EAAG-test-token-0123456789');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.text)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '4915123456789',
      biz_opaque_callback_data: templateMessage.messageId,
      type: 'template',
      template: { name: 'welcome', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Anna' }] }] },
    });
  });

  it('sends the values of a template with named parameters with their names', async () => {
    graph.respond(() => ({ body: { messages: [{ id: 'wamid.NAMED' }] } }));
    await provider.send({ ...templateMessage, templateParameterNames: { header: [], body: ['first_name'] } });
    expect(JSON.parse(graph.requests[0].text)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '4915123456789',
      biz_opaque_callback_data: templateMessage.messageId,
      type: 'template',
      template: { name: 'welcome', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Anna' }] }] },
    });
  });

  it('uses the configured API version', async () => {
    graph.respond(() => ({ body: { messages: [{ id: 'wamid.X' }] } }));
    const v20 = new WhatsAppCloudProvider({ graphBaseUrl: `${graph.url}/`, apiVersion: 'v20.0', phoneNumberId: '1', accessToken: 't', allowPrivateNetworks: true });
    await v20.send(templateMessage);
    expect(graph.requests[0].path).toBe('/v20.0/1/messages');
  });

  it.each([
    [130429, 400, 'Rate limit hit'],
    [131048, 400, 'Spam rate limit hit'],
    [131056, 400, 'Pair rate limit hit'],
    [80007, 400, 'WhatsApp Business Account rate limit'],
    [4, 400, 'Application request limit'],
    [613, 400, 'Rate limit'],
    [131000, 500, 'unknown reason'],
  ])('treats Meta error %i as retryable', async (code, status, words) => {
    graph.respond(() => ({ status, headers: { 'retry-after': '30' }, body: metaError(code, '(#' + code + ') Something') }));
    const error = await provider.send(templateMessage).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryableSendError);
    expect((error as RetryableSendError).message).toContain(`WhatsApp error ${code}`);
    expect((error as RetryableSendError).message).toContain(words);
    expect((error as RetryableSendError).code).toBe(String(code));
    expect((error as RetryableSendError).retryAfterMs).toBe(30_000);
  });

  it("waits at least Meta's pair rate interval before sending to the same user again after 131056", async () => {
    graph.respond(() => ({ status: 400, body: metaError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit') }));
    const error = (await provider.send(templateMessage).catch((caught: unknown) => caught)) as RetryableSendError;
    expect(error).toBeInstanceOf(RetryableSendError);
    expect(error.retryAfterMs).toBe(6_000);
    graph.respond(() => ({ status: 400, headers: { 'retry-after': '1' }, body: metaError(130429, '(#130429) Rate limit hit') }));
    expect(((await provider.send(templateMessage).catch((caught: unknown) => caught)) as RetryableSendError).retryAfterMs).toBe(1_000);
  });

  it.each([
    [131047, 'only an approved template can be sent'],
    [131026, 'Message undeliverable'],
    [131030, 'not in the allowed list'],
    [132000, 'parameter count mismatch'],
    [132001, 'Template does not exist'],
    [100, 'Invalid parameter'],
    [190, 'Access token expired'],
    [131051, 'Unsupported message type'],
  ])('treats Meta error %i as final, saying what it means', async (code, words) => {
    graph.respond(() => ({ status: code === 190 ? 401 : 400, body: metaError(code, 'Meta message', { error_data: { messaging_product: 'whatsapp', details: 'Meta details' } }) }));
    const error = await provider.send(templateMessage).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FinalSendError);
    const { message } = error as FinalSendError;
    expect(message).toContain(`WhatsApp error ${code}`);
    expect(message).toContain(words);
    expect(message).toContain('Meta message — Meta details');
    expect(message).toContain('fbtrace_id AbCdEf123');
  });

  it('says a template is needed outside the 24-hour window', async () => {
    graph.respond(() => ({
      status: 400,
      body: metaError(131047, 'Re-engagement message', { error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }),
    }));
    const textMessage = { ...templateMessage, content: { mode: 'text', text: 'Still there?' } };
    await expect(provider.send(textMessage)).rejects.toThrow(/more than 24 hours.*template/);
  });

  it('falls back on the HTTP status for unknown codes and bodies that are not Meta errors', async () => {
    graph.respond(() => ({ status: 400, body: metaError(999999, 'Brand new error') }));
    await expect(provider.send(templateMessage)).rejects.toThrow(FinalSendError);
    await expect(provider.send(templateMessage)).rejects.toThrow('WhatsApp error 999999: Brand new error');
    graph.respond(() => ({ status: 503, body: '<html>Service Unavailable</html>' }));
    await expect(provider.send(templateMessage)).rejects.toThrow(RetryableSendError);
    graph.respond(() => ({ status: 429, body: '' }));
    await expect(provider.send(templateMessage)).rejects.toThrow(RetryableSendError);
    graph.respond(() => ({ status: 500, body: metaError(100, 'odd, but a 5xx') }));
    await expect(provider.send(templateMessage)).rejects.toThrow(RetryableSendError);
  });

  it('retries a timeout and a refused connection', async () => {
    graph.respond(() => ({ delayMs: 3000, body: { messages: [{ id: 'wamid.late' }] } }));
    await expect(provider.send(templateMessage)).rejects.toThrow(RetryableSendError);
    const nowhere = new WhatsAppCloudProvider({ graphBaseUrl: 'http://127.0.0.1:1', phoneNumberId: '1', accessToken: 't', allowPrivateNetworks: true });
    await expect(nowhere.send(templateMessage)).rejects.toThrow(RetryableSendError);
  });

  it('refuses content and recipients without calling Meta', async () => {
    await expect(provider.send({ ...templateMessage, to: {} })).rejects.toThrow(FinalSendError);
    await expect(provider.send({ ...templateMessage, to: { phone: 'abc' } })).rejects.toThrow(FinalSendError);
    await expect(provider.send({ ...templateMessage, content: { mode: 'text' } })).rejects.toThrow(FinalSendError);
    expect(graph.requests).toHaveLength(0);
  });

  it('keeps the SSRF guard when private networks are not allowed', async () => {
    const guarded = new WhatsAppCloudProvider({ graphBaseUrl: graph.url, phoneNumberId: '1', accessToken: 't' });
    await expect(guarded.send(templateMessage)).rejects.toThrow(/internal address/);
    expect(graph.requests).toHaveLength(0);
  });

  it('refuses a success answer without a message id as final (a retry could send twice)', async () => {
    graph.respond(() => ({ body: { messaging_product: 'whatsapp', messages: [] } }));
    await expect(provider.send(templateMessage)).rejects.toThrow(FinalSendError);
  });

  it('checks its configuration', () => {
    expect(() => new WhatsAppCloudProvider({ phoneNumberId: '+49 151', accessToken: 't' })).toThrow(/phone number id/);
    expect(() => new WhatsAppCloudProvider({ phoneNumberId: '1', accessToken: 't', apiVersion: '21' })).toThrow(/v21\.0/);
  });
});
