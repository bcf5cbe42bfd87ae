import { whatsappKeywordJourney } from '@engine/journey';
import { DEMO_WHATSAPP_TEMPLATES } from '../src/demo/demo-whatsapp-templates';
import { eventually } from '@engine/persistence/testing';
import { FakeWhatsAppCloudApi } from './fake-whatsapp-cloud-api';
import { startTestApp, type TestApp } from './test-app';
import { changeValue, contact, postWebhook, textMessage, webhookBody, whatsAppCloudSettings } from './whatsapp-webhook-payloads';

/** Our message id (a UUID), which Meta echoes in status webhooks. */
const OUR_MESSAGE_ID: unknown = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

const SENDER = '4915112345678';

describe('a WhatsApp template with named parameters', () => {
  let t: TestApp;
  let cloudApi: FakeWhatsAppCloudApi;

  beforeAll(async () => {
    cloudApi = await new FakeWhatsAppCloudApi().start();
    t = await startTestApp({ execution: { runWorkers: true } });
    await t
      .http()
      .put('/api/v1/channels/whatsapp')
      .set(t.auth)
      .send(whatsAppCloudSettings({ graphBaseUrl: cloudApi.url }))
      .expect(200);
    // The keyword journey's promo, registered as created with parameter_format NAMED.
    const help = DEMO_WHATSAPP_TEMPLATES.find((template) => template.name === 'support_help')!;
    const namedPromo = {
      name: 'promo_offer',
      language: 'en',
      category: 'marketing',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}, here is 20% off today.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Anna' }] } }],
    };
    for (const template of [help, namedPromo]) await t.http().post('/api/v1/whatsapp/templates').set(t.auth).send({ ...template, status: 'approved' }).expect(201);
    const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'WhatsApp keywords', graph: whatsappKeywordJourney }).expect(201)).body as { id: string };
    await t.http().post(`/api/v1/journeys/${journey.id}/publish`).set(t.auth).expect(201);
  });
  afterAll(async () => {
    await t.close();
    await cloudApi.stop();
  });

  it('goes to the Cloud API with the name of each parameter', async () => {
    await postWebhook(t.http, webhookBody(changeValue({ contacts: [contact(SENDER, 'Anna')], messages: [textMessage(SENDER, 'wamid.INBOUND_PROMO', 'promo')] }))).expect(200);
    await eventually(() => cloudApi.requests.length === 1, 15_000, 'the promo template to be sent');
    expect(cloudApi.requests[0].body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: SENDER,
      biz_opaque_callback_data: OUR_MESSAGE_ID,
      type: 'template',
      template: { name: 'promo_offer', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'there' }] }] },
    });
  });
});
