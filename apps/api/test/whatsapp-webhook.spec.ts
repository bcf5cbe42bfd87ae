import { Logger } from '@nestjs/common';
import { signWhatsAppPayload } from '@engine/channels';
import { whatsappKeywordJourney } from '@engine/journey';
import { DEMO_WHATSAPP_TEMPLATES } from '../src/demo/demo-whatsapp-templates';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';
import {
  APP_SECRET,
  BUSINESS_ACCOUNT_ID,
  changeValue,
  contact,
  inbound,
  type MetaObject,
  PHONE_NUMBER_ID,
  postWebhook,
  status,
  templateStatusBody,
  templateStatusChange,
  textMessage,
  VERIFY_TOKEN,
  webhookBody,
  whatsAppCloudSettings,
} from './whatsapp-webhook-payloads';

interface StoredEvent {
  name: string;
  external_id: string;
  attributes: Record<string, unknown>;
  idempotency_key: string;
  occurred_at: Date;
}

const whatsAppSettings = whatsAppCloudSettings({ businessAccountId: BUSINESS_ACCOUNT_ID });

describe('WhatsApp webhook: /webhooks/whatsapp', () => {
  let t: TestApp;
  let counter = 0;
  /** A fresh sender and message id per test, so tests never see each other's events. */
  const nextSender = () => `4915100${String(++counter).padStart(5, '0')}`;
  const wamid = (label: string) => `wamid.HBgL${label}${++counter}`;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http().put('/api/v1/channels/whatsapp').set(t.auth).send(whatsAppSettings).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: MetaObject | string, signature?: string | null, appSecret?: string) => postWebhook(t.http, body, signature, appSecret);
  const events = (where = 'TRUE', parameters: unknown[] = []) =>
    t.db.dataSource.query<StoredEvent[]>(
      `SELECT e.name, u.external_id, e.attributes, e.idempotency_key, e.occurred_at FROM events e JOIN users u ON u.id = e.user_id
        WHERE e.project_id = $1 AND ${where} ORDER BY e.id`,
      [t.projectId, ...parameters],
    );
  const eventsOf = (externalId: string) => events('u.external_id = $2', [externalId]);
  const eventByKey = async (key: string) => (await events('e.idempotency_key = $2', [key]))[0];
  /** One of our sent WhatsApp messages, as the send worker leaves it. */
  const sentMessage = async (externalId: string, providerMessageId: string): Promise<string> => {
    await t.http().put(`/api/v1/users/${externalId}`).set(t.auth).send({ phone: `+${nextSender()}` }).expect(200);
    const [{ id }] = await t.db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO messages (project_id, user_id, channel, provider, status, status_history, idempotency_key, provider_message_id)
       SELECT $1, id, 'whatsapp', 'whatsapp-cloud', 'sent', '[]', gen_random_uuid()::text, $3 FROM users WHERE project_id = $1 AND external_id = $2
       RETURNING id`,
      [t.projectId, externalId, providerMessageId],
    );
    return id;
  };

  describe('GET: the subscription handshake', () => {
    const handshake = (query: Record<string, string>) => t.http().get('/webhooks/whatsapp').query(query);

    it("echoes hub.challenge as plain text when the verify token is a project's", async () => {
      const response = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' }).expect(200);
      expect(response.text).toBe('1158201444');
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('answers 403 for a wrong token, a wrong mode or no challenge', async () => {
      const refused = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }).expect(403);
      expect((refused.body as { message: string }).message).toContain('hub.verify_token does not match');
      await handshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }).expect(403);
      await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN }).expect(403);
      await handshake({}).expect(403);
    });
  });

  describe('POST: authentication', () => {
    const body = () => webhookBody(changeValue({ messages: [textMessage(nextSender(), wamid('auth'), 'hello')] }));

    it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
      const before = (await events()).length;
      const missing = await post(body(), null).expect(401);
      expect((missing.body as { message: string }).message).toBe('Missing X-Hub-Signature-256 header: Meta signs every delivery with the app secret');
      const wrong = await post(body(), undefined, 'another-app-secret').expect(401);
      expect((wrong.body as { message: string }).message).toBe(
        `The X-Hub-Signature-256 signature does not match the appSecret of the project(s) with WhatsApp phone number id ${PHONE_NUMBER_ID}`,
      );
      await post(body(), 'sha256=not-hex').expect(401);
      // Signed, then altered: the signature covers the exact bytes.
      const raw = JSON.stringify(body());
      await post(raw.replace('hello', 'hellO'), signWhatsAppPayload(raw, APP_SECRET)).expect(401);
      expect(await events()).toHaveLength(before);
    });

    it('refuses a number no project has configured, the whole body with it', async () => {
      const before = (await events()).length;
      const mixed = webhookBody(
        changeValue({ messages: [textMessage(nextSender(), wamid('ok'), 'mine')] }),
        changeValue({ phoneNumberId: '999999999999', messages: [textMessage(nextSender(), wamid('stranger'), 'theirs')] }),
      );
      const refused = await post(mixed).expect(401);
      expect((refused.body as { message: string }).message).toBe('No project has WhatsApp phone number id 999999999999 configured');
      expect(await events()).toHaveLength(before);
    });

    it('acknowledges signed deliveries without messages (template reviews), and refuses unsigned ones', async () => {
      const review = {
        object: 'whatsapp_business_account',
        entry: [{ id: '102140', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'promo_offer' } }] }],
      };
      expect((await post(review).expect(200)).body).toEqual({ stored: 0, duplicates: 0, ignored: 0, templatesUpdated: 0, retryLater: false });
      await post(review, undefined, 'another-app-secret').expect(401);
      await post('not json at all').expect(400);
      await t.http().post('/webhooks/whatsapp').set('content-type', 'text/plain').send('hello').expect(400);
    });

    it('serves each project sharing a number whose app secret signed the body, and no other', async () => {
      const other = await createProject(t.db.dataSource.manager, 'Staging');
      await t
        .http()
        .put('/api/v1/channels/whatsapp')
        .set({ Authorization: `Bearer ${other.apiKey}` })
        .send({ ...whatsAppSettings, appSecret: 'staging-app-secret' })
        .expect(200);
      const sender = nextSender();
      await post(webhookBody(changeValue({ messages: [textMessage(sender, wamid('shared'), 'hi')] })), undefined, 'staging-app-secret').expect(200);
      const owners = await t.db.dataSource.query<Array<{ project_id: string }>>(`SELECT project_id FROM users WHERE external_id = $1`, [`+${sender}`]);
      expect(owners).toEqual([{ project_id: other.project.id }]);
    });
  });

  describe('POST: inbound messages', () => {
    it('registers a new phone number as a user, opens the 24-hour window, and stores PW_WhatsAppReceived', async () => {
      const sender = nextSender();
      const id = wamid('text');
      const response = await post(webhookBody(changeValue({ contacts: [contact(sender, 'Sheena Nelson')], messages: [textMessage(sender, id, 'Help')] }))).expect(200);
      expect(response.body).toEqual({ stored: 1, duplicates: 0, ignored: 0, templatesUpdated: 0, retryLater: false });

      const user = (await t.http().get(`/api/v1/users/${encodeURIComponent(`+${sender}`)}`).set(t.auth).expect(200)).body as { phone: string; lastInboundWhatsAppAt: string };
      expect(user.phone).toBe(`+${sender}`);
      expect(Math.abs(Date.parse(user.lastInboundWhatsAppAt) - Date.now())).toBeLessThan(5_000);
      expect(await eventsOf(`+${sender}`)).toEqual([
        {
          name: 'PW_WhatsAppReceived',
          external_id: `+${sender}`,
          attributes: { messageId: id, wamid: id, from: `+${sender}`, type: 'text', text: 'Help', phoneNumberId: PHONE_NUMBER_ID, contactName: 'Sheena Nelson' },
          idempotency_key: `wa:${id}`,
          occurred_at: expect.any(Date) as unknown,
        },
      ]);
    });

    it('stores a redelivered message once', async () => {
      const sender = nextSender();
      const body = webhookBody(changeValue({ messages: [textMessage(sender, wamid('again'), 'promo')] }));
      await post(body).expect(200);
      expect((await post(body).expect(200)).body).toEqual({ stored: 0, duplicates: 1, ignored: 0, templatesUpdated: 0, retryLater: false });
      expect(await eventsOf(`+${sender}`)).toHaveLength(1);
    });

    it('finds an existing user by phone number', async () => {
      const sender = nextSender();
      await t.http().put('/api/v1/users/alice-42').set(t.auth).send({ phone: `+${sender}` }).expect(200);
      await post(webhookBody(changeValue({ messages: [textMessage(sender, wamid('known'), 'hi')] }))).expect(200);
      expect((await eventsOf('alice-42')).map((event) => event.attributes['text'])).toEqual(['hi']);
      expect(await t.db.dataSource.query(`SELECT 1 FROM users WHERE project_id = $1 AND external_id = $2`, [t.projectId, `+${sender}`])).toEqual([]);
    });

    it('points a button reply at our message, and reads interactive list replies, images, locations and unknown types', async () => {
      const ourWamid = wamid('ours');
      const ourMessageId = await sentMessage('bob-7', ourWamid);
      const bobPhone = (await t.db.dataSource.query<Array<{ phone: string }>>(`SELECT phone FROM users WHERE external_id = 'bob-7'`))[0].phone.slice(1);
      const ids = { button: wamid('button'), list: wamid('list'), image: wamid('image'), location: wamid('location'), unknown: wamid('unknown'), unsupported: wamid('unsupported') };
      const response = await post(
        webhookBody(
          changeValue({
            messages: [
              inbound(bobPhone, ids.button, 'button', { payload: 'YES_PLEASE', text: 'Yes' }, { context: { from: '15550783881', id: ourWamid } }),
              inbound(bobPhone, ids.list, 'interactive', { type: 'list_reply', list_reply: { id: 'size-m', title: 'Medium', description: 'Fits most' } }),
              inbound(bobPhone, ids.image, 'image', { caption: 'My receipt', mime_type: 'image/jpeg', sha256: 'abc', id: '1479537139650973' }),
              inbound(bobPhone, ids.location, 'location', { latitude: 52.52, longitude: 13.405, name: 'Berlin' }),
              inbound(bobPhone, ids.unknown, 'ephemeral', {}),
              inbound(bobPhone, ids.unsupported, 'unsupported', {}, {
                errors: [{ code: 131051, title: 'Message type unknown', error_data: { details: 'Message type is currently not supported' } }],
              }),
            ],
          }),
        ),
      ).expect(200);
      expect((response.body as { stored: number }).stored).toBe(6);

      expect((await eventByKey(`wa:${ids.button}`)).attributes).toMatchObject({
        messageId: ourMessageId,
        wamid: ids.button,
        replyToMessageId: ourWamid,
        type: 'button',
        text: 'Yes',
        buttonPayload: 'YES_PLEASE',
      });
      expect((await eventByKey(`wa:${ids.list}`)).attributes).toMatchObject({ messageId: ids.list, type: 'interactive', interactiveType: 'list_reply', text: 'Medium', buttonPayload: 'size-m' });
      expect((await eventByKey(`wa:${ids.image}`)).attributes).toMatchObject({ type: 'image', text: 'My receipt', mediaId: '1479537139650973', mediaMimeType: 'image/jpeg' });
      expect((await eventByKey(`wa:${ids.location}`)).attributes).toMatchObject({ type: 'location', latitude: 52.52, longitude: 13.405 });
      expect((await eventByKey(`wa:${ids.unknown}`)).attributes).toMatchObject({ type: 'ephemeral', wamid: ids.unknown });
      expect((await eventByKey(`wa:${ids.unsupported}`)).attributes).toMatchObject({ type: 'unsupported', errorCode: 131051, errorReason: 'Message type is currently not supported' });
      expect((await eventsOf('bob-7')).every((event) => event.name === 'PW_WhatsAppReceived')).toBe(true);
    });

    it('counts every entry and change of one body', async () => {
      const [a, b, c] = [nextSender(), nextSender(), nextSender()];
      const body = webhookBody(
        changeValue({ messages: [textMessage(a, wamid('e1'), 'one')] }),
        changeValue({ messages: [textMessage(b, wamid('e2'), 'two'), textMessage(b, wamid('e3'), 'three')] }),
      );
      (body['entry'] as Array<{ changes: unknown[] }>)[1].changes.push({ field: 'messages', value: changeValue({ messages: [textMessage(c, wamid('e4'), 'four')] }) });
      expect((await post(body).expect(200)).body).toMatchObject({ stored: 4 });
      expect((await eventsOf(`+${b}`)).map((event) => event.attributes['text'])).toEqual(['two', 'three']);
      expect(await eventsOf(`+${c}`)).toHaveLength(1);
    });

    it('stores text PostgreSQL cannot keep as is (NUL, broken surrogates) instead of failing', async () => {
      const sender = nextSender();
      const raw = JSON.stringify(webhookBody(changeValue({ messages: [textMessage(sender, wamid('nul'), 'PLACEHOLDER')] }))).replace('PLACEHOLDER', 'a\\u0000b\\ud800c');
      await post(raw).expect(200);
      expect((await eventsOf(`+${sender}`))[0].attributes['text']).toBe('ab\uFFFDc');
    });
  });

  describe('POST: statuses', () => {
    it('stores PW_WhatsAppSent, Delivered, Read and Failed for our messages, once each, and ignores unknown ones', async () => {
      const ours = wamid('status');
      const messageId = await sentMessage('carol-9', ours);
      const recipient = (await t.db.dataSource.query<Array<{ phone: string }>>(`SELECT phone FROM users WHERE external_id = 'carol-9'`))[0].phone.slice(1);
      const failed = status(ours, 'failed', recipient, {
        errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed since the recipient last replied' } }],
      });
      const body = webhookBody(
        changeValue({
          statuses: [status(ours, 'sent', recipient), status(ours, 'delivered', recipient), status(ours, 'read', recipient), failed, status('wamid.NOT_OURS', 'read', '15550000000')],
        }),
      );
      expect((await post(body).expect(200)).body).toEqual({ stored: 4, duplicates: 0, ignored: 1, templatesUpdated: 0, retryLater: false });
      expect((await post(body).expect(200)).body).toEqual({ stored: 0, duplicates: 4, ignored: 1, templatesUpdated: 0, retryLater: false });

      const stored = await eventsOf('carol-9');
      expect(stored.map((event) => [event.name, event.idempotency_key])).toEqual([
        ['PW_WhatsAppSent', `wa-status:${ours}:sent`],
        ['PW_WhatsAppDelivered', `wa-status:${ours}:delivered`],
        ['PW_WhatsAppRead', `wa-status:${ours}:read`],
        ['PW_WhatsAppFailed', `wa-status:${ours}:failed`],
      ]);
      expect(stored.every((event) => event.attributes['messageId'] === messageId && event.attributes['providerMessageId'] === ours)).toBe(true);
      expect(stored[3].attributes).toMatchObject({ status: 'failed', errorCode: 131047, errorReason: 'More than 24 hours have passed since the recipient last replied' });
    });

    it("settles a message whose send was cut off by the status Meta echoes our message id in, and no other project's", async () => {
      const sender = nextSender();
      await t.http().put('/api/v1/users/erin-5').set(t.auth).send({ phone: `+${sender}` }).expect(200);
      const [{ id: messageId }] = await t.db.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO messages (project_id, user_id, channel, provider, status, status_history, idempotency_key, error)
         SELECT $1, id, 'whatsapp', 'whatsapp-cloud', 'unknown', '[]', gen_random_uuid()::text, 'cut off' FROM users WHERE project_id = $1 AND external_id = 'erin-5'
         RETURNING id`,
        [t.projectId],
      );
      const late = wamid('late');
      const strangers = [
        status(wamid('other'), 'delivered', sender, { biz_opaque_callback_data: 'not-a-uuid' }),
        status(wamid('other'), 'delivered', sender, { biz_opaque_callback_data: '00000000-0000-4000-8000-000000000000' }),
      ];
      const body = webhookBody(changeValue({ statuses: [status(late, 'delivered', sender, { biz_opaque_callback_data: messageId }), ...strangers] }));
      expect((await post(body).expect(200)).body).toMatchObject({ stored: 1, ignored: 2 });
      const [event] = await eventsOf('erin-5');
      expect(event).toMatchObject({ name: 'PW_WhatsAppDelivered', idempotency_key: `wa-status:${late}:delivered` });
      expect(event.attributes['messageId']).toBe(messageId);
      // Meta's id is adopted, so later statuses match it directly (the engine then applies them to the message).
      const [row] = await t.db.dataSource.query<Array<{ provider_message_id: string | null }>>(`SELECT provider_message_id FROM messages WHERE id = $1`, [messageId]);
      expect(row.provider_message_id).toBe(late);
    });

    it('asks Meta to deliver again a status that may belong to a send not stored yet', async () => {
      const sender = nextSender();
      await t.http().put('/api/v1/users/dana-3').set(t.auth).send({ phone: `+${sender}` }).expect(200);
      await t.db.dataSource.query(
        `INSERT INTO messages (project_id, user_id, channel, provider, status, status_history, idempotency_key)
         SELECT $1, id, 'whatsapp', 'whatsapp-cloud', 'queued', '[]', gen_random_uuid()::text FROM users WHERE project_id = $1 AND external_id = 'dana-3'`,
        [t.projectId],
      );
      const early = await post(webhookBody(changeValue({ statuses: [status(wamid('early'), 'delivered', sender)] }))).expect(503);
      expect(early.headers['retry-after']).toBe('30');
      expect(early.body).toMatchObject({ retryLater: true, ignored: 1 });
    });
  });

  describe('POST: template status changes', () => {
    interface Template {
      id: string;
      name: string;
      status: string;
      statusReason: string | null;
      updatedAt: string;
    }
    interface Refusal {
      problems: Array<{ nodeId: string; message: string }>;
    }
    /** Meta's trigger times, one later than the other. */
    let clock = Math.floor(Date.now() / 1000);
    const later = () => ++clock;
    const template = async (name: string, auth = t.auth) =>
      ((await t.http().get(`/api/v1/whatsapp/templates?name=${name}`).set(auth).expect(200)).body as Template[])[0];
    const publish = (journeyId: string) => t.http().post(`/api/v1/journeys/${journeyId}/publish`).set(t.auth);
    /** The keyword journey sending its two templates under names of this test, registered pending. */
    const journeyWithPendingTemplates = async (suffix: string) => {
      const graph = structuredClone(whatsappKeywordJourney);
      for (const node of graph.nodes) if (node.type === 'send.whatsapp' && node.data.template) node.data.template.name += suffix;
      for (const demo of DEMO_WHATSAPP_TEMPLATES) await t.http().post('/api/v1/whatsapp/templates').set(t.auth).send({ ...demo, name: demo.name + suffix }).expect(201);
      const journey = (await t.http().post('/api/v1/journeys').set(t.auth).send({ name: `Keywords${suffix}`, graph }).expect(201)).body as { id: string };
      return { journeyId: journey.id, help: `support_help${suffix}`, promo: `promo_offer${suffix}` };
    };
    const receipt = (templatesUpdated: number) => ({ stored: 0, duplicates: 0, ignored: 0, templatesUpdated, retryLater: false });

    it('approves pending templates when Meta does, alongside messages in the same body, so the journey publishes', async () => {
      const { journeyId, help, promo } = await journeyWithPendingTemplates('_approved');
      expect(((await publish(journeyId).expect(422)).body as Refusal).problems.map((problem) => problem.message)).toEqual([
        `Node "Support reply" (Send WhatsApp): template "${help}" (en) is not approved yet (pending)`,
        `Node "Promo reply" (Send WhatsApp): template "${promo}" (en) is not approved yet (pending)`,
      ]);
      // A project of another Meta app on the same business account: a delivery signed by ours is not for it.
      const other = await createProject(t.db.dataSource.manager, 'Other app');
      const otherAuth = { Authorization: `Bearer ${other.apiKey}` };
      await t.http().put('/api/v1/channels/whatsapp').set(otherAuth).send({ ...whatsAppSettings, appSecret: 'other-app-secret' }).expect(200);
      await t.http().post('/api/v1/whatsapp/templates').set(otherAuth).send({ ...DEMO_WHATSAPP_TEMPLATES[0], name: help }).expect(201);

      const sender = nextSender();
      const body = templateStatusBody([templateStatusChange('APPROVED', help), templateStatusChange('APPROVED', promo, { message_template_category: 'MARKETING' })], later());
      (body['entry'] as unknown[]).push(...(webhookBody(changeValue({ messages: [textMessage(sender, wamid('beside-templates'), 'hi')] }))['entry'] as unknown[]));
      expect((await post(body).expect(200)).body).toEqual({ stored: 1, duplicates: 0, ignored: 0, templatesUpdated: 2, retryLater: false });

      expect(await template(help)).toMatchObject({ status: 'approved', statusReason: null });
      expect(await template(promo)).toMatchObject({ status: 'approved', statusReason: null });
      expect(await template(help, otherAuth)).toMatchObject({ status: 'pending' });
      expect(await eventsOf(`+${sender}`)).toHaveLength(1);
      expect(((await publish(journeyId).expect(201)).body as { version: number }).version).toBe(1);
    });

    it("follows Meta's template_category_update: a utility template recategorised as marketing is marketing from then on", async () => {
      const { help } = await journeyWithPendingTemplates('_recategorised');
      expect(await template(help)).toMatchObject({ category: 'utility' });
      const change = {
        field: 'template_category_update',
        value: { message_template_id: 1689556908129832, message_template_name: help, message_template_language: 'en', previous_category: 'UTILITY', new_category: 'MARKETING' },
      };
      expect((await post(templateStatusBody([change], later())).expect(200)).body).toEqual(receipt(1));
      expect(await template(help)).toMatchObject({ category: 'marketing' });
      // The same change again changes nothing.
      expect((await post(templateStatusBody([change], later())).expect(200)).body).toEqual(receipt(0));
    });

    it("marks a template rejected with Meta's reason, which publishing shows; a status set by hand has none", async () => {
      const { journeyId, help, promo } = await journeyWithPendingTemplates('_rejected');
      const rejection = templateStatusChange('REJECTED', promo, {
        reason: 'INVALID_FORMAT',
        rejection_info: { reason: 'Variable parameters are missing or have mismatched curly braces.', recommendation: 'Give each variable a sample.' },
      });
      expect((await post(templateStatusBody([rejection, templateStatusChange('REJECTED', help, { reason: 'SCAM' })], later())).expect(200)).body).toEqual(receipt(2));

      const reason = 'INVALID_FORMAT — Variable parameters are missing or have mismatched curly braces. Give each variable a sample.';
      expect(await template(promo)).toMatchObject({ status: 'rejected', statusReason: reason });
      expect(await template(help)).toMatchObject({ status: 'rejected', statusReason: 'SCAM' });
      expect(((await publish(journeyId).expect(422)).body as Refusal).problems).toEqual([
        expect.objectContaining({ nodeId: 'help-reply', message: `Node "Support reply" (Send WhatsApp): template "${help}" (en) is not approved (rejected: SCAM)` }),
        expect.objectContaining({ nodeId: 'promo-reply', message: `Node "Promo reply" (Send WhatsApp): template "${promo}" (en) is not approved (rejected: ${reason})` }),
      ]);

      const { id } = await template(help);
      const patched = (await t.http().patch(`/api/v1/whatsapp/templates/${id}`).set(t.auth).send({ status: 'pending' }).expect(200)).body as Template;
      expect(patched).toMatchObject({ status: 'pending', statusReason: null });
    });

    it('blocks publishing while Meta has a template paused or disabled, and allows it again once reinstated', async () => {
      const { journeyId, help, promo } = await journeyWithPendingTemplates('_paused');
      await post(templateStatusBody([templateStatusChange('APPROVED', help), templateStatusChange('APPROVED', promo)], later())).expect(200);
      await publish(journeyId).expect(201);

      const pause = 'Your WhatsApp message template has been paused for 3 hours until Jun 19 at 7:00 PM UTC because it had issues.';
      const paused = await post(templateStatusBody([templateStatusChange('PAUSED', promo, { other_info: { title: 'FIRST_PAUSE', description: pause } })], later())).expect(200);
      expect(paused.body).toEqual(receipt(1));
      expect(await template(promo)).toMatchObject({ status: 'paused', statusReason: pause });
      expect(((await publish(journeyId).expect(422)).body as Refusal).problems).toEqual([
        expect.objectContaining({ nodeId: 'promo-reply', message: `Node "Promo reply" (Send WhatsApp): template "${promo}" (en) is not approved (paused: ${pause})` }),
      ]);

      await post(templateStatusBody([templateStatusChange('DISABLED', promo, { disable_info: { disable_date: String(clock) } })], later())).expect(200);
      expect(await template(promo)).toMatchObject({ status: 'disabled', statusReason: null });
      await publish(journeyId).expect(422);

      await post(templateStatusBody([templateStatusChange('REINSTATED', promo)], later())).expect(200);
      expect(await template(promo)).toMatchObject({ status: 'approved', statusReason: null });
      expect(((await publish(journeyId).expect(201)).body as { version: number }).version).toBe(2);
    });

    it('changes nothing on a redelivery, nor when an older verdict arrives after a newer one', async () => {
      const { promo } = await journeyWithPendingTemplates('_redelivered');
      const approved = templateStatusBody([templateStatusChange('APPROVED', promo)], later());
      expect((await post(approved).expect(200)).body).toEqual(receipt(1));
      const first = await template(promo);
      expect((await post(approved).expect(200)).body).toEqual(receipt(0));
      expect(await template(promo)).toEqual(first);

      const paused = templateStatusBody([templateStatusChange('PAUSED', promo, { other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours.' } })], later());
      expect((await post(paused).expect(200)).body).toEqual(receipt(1));
      const afterPause = await template(promo);
      // Meta delivers the approval again, late: the pause is newer.
      expect((await post(approved).expect(200)).body).toEqual(receipt(0));
      expect((await post(paused).expect(200)).body).toEqual(receipt(0));
      expect(await template(promo)).toEqual(afterPause);
      expect(afterPause).toMatchObject({ status: 'paused', statusReason: 'Paused for 3 hours.' });
    });

    it('acknowledges and logs changes of unknown accounts, unknown templates and unknown events, and ignores warnings', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        const { help } = await journeyWithPendingTemplates('_unknowns');
        await post(templateStatusBody([templateStatusChange('APPROVED', help)], later())).expect(200);

        expect((await post(templateStatusBody([templateStatusChange('REJECTED', help)], later(), '999999999999999')).expect(200)).body).toEqual(receipt(0));
        expect(warn).toHaveBeenCalledWith(`REJECTED of WhatsApp template ${help} (en) ignored: no project has WhatsApp Business Account 999999999999999 as its businessAccountId`);

        expect((await post(templateStatusBody([templateStatusChange('APPROVED', 'never_registered')], later())).expect(200)).body).toEqual(receipt(0));
        expect(warn).toHaveBeenCalledWith(
          `Template never_registered (en) of WhatsApp Business Account ${BUSINESS_ACCOUNT_ID} is not in the template registry of project ${t.projectId}: APPROVED ignored`,
        );

        expect((await post(templateStatusBody([templateStatusChange('TELEPORTED', help)], later())).expect(200)).body).toEqual(receipt(0));
        expect(warn).toHaveBeenCalledWith(
          `Skipped in a WhatsApp webhook: entry[0].changes[0]: event "TELEPORTED" of template ${help} (en) is not a template event this version knows`,
        );

        // At risk, still sendable: the status stays.
        expect((await post(templateStatusBody([templateStatusChange('FLAGGED', help)], later())).expect(200)).body).toEqual(receipt(0));
        expect(await template(help)).toMatchObject({ status: 'approved' });

        // Signed by no project's app: refused as before, and nothing changes.
        await post(templateStatusBody([templateStatusChange('PAUSED', help)], later()), undefined, 'not-our-app-secret').expect(401);
        await post(templateStatusBody([templateStatusChange('PAUSED', help)], later(), '999999999999999'), undefined, 'not-our-app-secret').expect(401);
        expect(await template(help)).toMatchObject({ status: 'approved' });
      } finally {
        warn.mockRestore();
      }
    });
  });
});
