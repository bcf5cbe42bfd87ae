import { whatsappKeywordJourney } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { FakeWhatsAppCloudApi } from './fake-whatsapp-cloud-api';
import { startTestApp, type TestApp } from './test-app';
import { changeValue, contact, PHONE_NUMBER_ID, postWebhook, status, textMessage, webhookBody, whatsAppCloudSettings } from './whatsapp-webhook-payloads';

/** Our message id (a UUID), which Meta echoes in status webhooks. */
const OUR_MESSAGE_ID: unknown = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

interface MessageView {
  id: string;
  nodeId: string;
  channel: string;
  provider: string;
  status: string;
  statusHistory: Array<{ status: string }>;
  providerMessageId: string | null;
  userId: string;
  journeyName: string;
}

const ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAend2endtoken0123456789';
const SENDER = '4915112345678';

describe('the WhatsApp keyword journey end to end: webhook in, Cloud API out, statuses back', () => {
  let t: TestApp;
  let cloudApi: FakeWhatsAppCloudApi;

  beforeAll(async () => {
    cloudApi = await new FakeWhatsAppCloudApi().start();
    t = await startTestApp({ execution: { runWorkers: true } });
    await t
      .http()
      .put('/api/v1/channels/whatsapp')
      .set(t.auth)
      .send(whatsAppCloudSettings({ accessToken: ACCESS_TOKEN, graphBaseUrl: cloudApi.url }))
      .expect(200);
    await t.approveDemoTemplates();
    const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'WhatsApp keywords', graph: whatsappKeywordJourney }).expect(201)).body as { id: string };
    await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201);
  });
  afterAll(async () => {
    await t.close();
    await cloudApi.stop();
  });

  const write = (text: string, wamid: string) =>
    postWebhook(t.http, webhookBody(changeValue({ contacts: [contact(SENDER, 'Anna')], messages: [textMessage(SENDER, wamid, text)] }))).expect(200);
  const messages = async () =>
    ((await t.http().get('/api/v1/messages?channel=whatsapp').set(t.auth).expect(200)).body as { messages: MessageView[] }).messages;

  it('answers "Help" with the support template and "promo" with the offer, then follows the delivery statuses to read', async () => {
    await write('Help', 'wamid.INBOUND_HELP');
    await eventually(() => cloudApi.requests.length === 1, 15_000, 'the support template to be sent');
    const [help] = cloudApi.requests;
    expect(help.method).toBe('POST');
    expect(help.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
    expect(help.headers['authorization']).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(help.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: SENDER,
      biz_opaque_callback_data: OUR_MESSAGE_ID,
      type: 'template',
      template: { name: 'support_help', language: { code: 'en' } },
    });

    await write('promo', 'wamid.INBOUND_PROMO');
    await eventually(() => cloudApi.requests.length === 2, 15_000, 'the promo template to be sent');
    expect(cloudApi.requests[1].body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: SENDER,
      biz_opaque_callback_data: OUR_MESSAGE_ID,
      type: 'template',
      template: { name: 'promo_offer', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'there' }] }] },
    });

    const sent = await eventually(async () => {
      const list = await messages();
      return list.length === 2 && list.every((message) => message.status === 'sent') && list;
    }, 15_000, 'both messages to be sent');
    const promo = sent.find((message) => message.nodeId === 'promo-reply')!;
    expect(promo).toMatchObject({ provider: 'whatsapp-cloud', providerMessageId: cloudApi.wamid(2), userId: `+${SENDER}`, journeyName: 'WhatsApp keywords' });

    // Meta reports delivery and reading of the promo.
    await postWebhook(t.http, webhookBody(changeValue({ statuses: [status(cloudApi.wamid(2), 'sent', SENDER), status(cloudApi.wamid(2), 'delivered', SENDER)] }))).expect(200);
    await postWebhook(t.http, webhookBody(changeValue({ statuses: [status(cloudApi.wamid(2), 'read', SENDER)] }))).expect(200);
    const read = await eventually(async () => {
      const list = await messages();
      return list.find((message) => message.id === promo.id)?.status === 'read' && list;
    }, 15_000, 'the promo to be read');
    expect(read.find((message) => message.id === promo.id)!.statusHistory.map((change) => change.status)).toEqual(['queued', 'sent', 'delivered', 'read']);
    expect(read.find((message) => message.nodeId === 'help-reply')!.status).toBe('sent');

    // Nothing else was sent: an unrelated message enters and leaves without a reply.
    await write('thanks', 'wamid.INBOUND_THANKS');
    await eventually(
      async () =>
        (await t.db.dataSource.query<Array<{ processed: boolean }>>(`SELECT processed_at IS NOT NULL AS processed FROM events WHERE idempotency_key = 'wa:wamid.INBOUND_THANKS'`))[0]
          ?.processed === true,
      15_000,
      'the last message to be processed',
    );
    expect(cloudApi.requests).toHaveLength(2);
  });
});
