import { generateKeyPairSync } from 'node:crypto';
import { deriveKey, openChannelSettings, type ChannelSettings } from '@engine/channels';
import { channelSecretContext } from '@engine/execution';
import webPush from 'web-push';
import { ChannelSettingsService } from '../src/channel-settings/channel-settings.service';
import { createProject } from '../src/projects/create-project';
import { startTestApp, type TestApp } from './test-app';

interface ChannelView {
  channel: string;
  provider: string;
  settings: Record<string, unknown>;
  updatedAt: string | null;
  webhookUrl?: string;
  problem?: string;
}

const ENCRYPTION_KEY = 'test-encryption-key-0123456789';
const ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAKZAZBexampleaccesstoken123456';
const APP_SECRET = 'meta-app-secret-abcdef';
const VERIFY_TOKEN = 'verify-token-0123456789';
const SMTP_PASSWORD = 'smtp-pass-word-xyz-987';
const VAPID = webPush.generateVAPIDKeys();
const FCM_PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const SMS_AUTH = 'Bearer sms-gateway-token-445566';
const SIGNING_SECRET = 'webhook-signing-secret-778899';

/** Every secret the tests store: none may ever come back from the API or sit in the database in clear. */
const SECRETS = [ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN, SMTP_PASSWORD, VAPID.privateKey, FCM_PRIVATE_KEY, SMS_AUTH, SIGNING_SECRET];
/** Long enough to be recognizable, short enough for a masked value to never contain it. */
const secretFragments = SECRETS.map((secret) => (secret.includes('PRIVATE KEY') ? secret.split('\n')[1].slice(0, 24) : secret.slice(0, 12)));

const whatsApp = {
  provider: 'whatsapp-cloud',
  phoneNumberId: '106540352242922',
  accessToken: ACCESS_TOKEN,
  appSecret: APP_SECRET,
  webhookVerifyToken: VERIFY_TOKEN,
};
const serviceAccount = { project_id: 'shop-example-app', client_email: 'push@shop-example-app.iam.gserviceaccount.com', private_key: FCM_PRIVATE_KEY, type: 'service_account' };

describe('channel settings: /api/v1/channels', () => {
  let t: TestApp;
  let otherAuth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    otherAuth = { Authorization: `Bearer ${(await createProject(t.db.dataSource.manager, 'Other project')).apiKey}` };
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (channel: string, body: unknown, auth = t.auth) => t.http().put(`/api/v1/channels/${channel}`).set(auth).send(body as object);
  const list = async (auth = t.auth) => (await t.http().get('/api/v1/channels').set(auth).expect(200)).body as ChannelView[];
  const stored = async (channel: string, projectId = t.projectId) =>
    (await t.db.dataSource.query<Array<{ provider: string; settings: ChannelSettings; text: string }>>(
      `SELECT provider, settings, settings::text AS text FROM channel_settings WHERE project_id = $1 AND channel = $2`,
      [projectId, channel],
    ))[0];
  const expectNoSecret = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const fragment of secretFragments) expect(text).not.toContain(fragment);
  };
  const expect400 = async (response: Promise<{ body: unknown }>, ...messages: string[]) => {
    const body = (await response).body as { statusCode: number; message: string | string[] };
    expect(body.statusCode).toBe(400);
    const all = Array.isArray(body.message) ? body.message : [body.message];
    for (const message of messages) expect(all.some((text) => text.includes(message))).toBe(true);
  };

  it('lists every channel on the sandbox until configured, with the webhook URL to give Meta', async () => {
    expect(await list()).toEqual([
      { channel: 'push', provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null },
      { channel: 'email', provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null },
      { channel: 'whatsapp', provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null, webhookUrl: 'http://localhost/webhooks/whatsapp' },
      { channel: 'sms', provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null },
      { channel: 'webhook', provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null },
    ]);
    await t.http().get('/api/v1/channels').expect(401);
  });

  it('stores WhatsApp settings sealed, shows them masked, and the workers can open them', async () => {
    const saved = (await put('whatsapp', whatsApp).expect(200)).body as ChannelView;
    expect(saved).toEqual({
      channel: 'whatsapp',
      provider: 'whatsapp-cloud',
      settings: { provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', accessToken: 'EAAG…456', appSecret: 'meta…def', webhookVerifyToken: 'veri…789' },
      updatedAt: expect.any(String) as unknown,
      webhookUrl: 'http://localhost/webhooks/whatsapp',
    });
    expectNoSecret(saved);

    const row = await stored('whatsapp');
    for (const fragment of secretFragments) expect(row.text).not.toContain(fragment);
    expect(row.settings).toMatchObject({ provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', accessToken: expect.stringMatching(/^v1:/) as unknown });
    // Exactly how ProjectProviders opens a row before building the provider.
    expect(openChannelSettings(row.settings, deriveKey(ENCRYPTION_KEY), channelSecretContext(t.projectId, 'whatsapp'))).toEqual(whatsApp);
  });

  it('keeps stored secrets that an edit leaves out or sends back masked, and removes one set to null', async () => {
    await put('whatsapp', whatsApp).expect(200);
    const before = await stored('whatsapp');

    const renamed = (await put('whatsapp', { provider: 'whatsapp-cloud', phoneNumberId: '200000000000001', apiVersion: 'v22.0' }).expect(200)).body as ChannelView;
    expect(renamed.settings).toEqual({ provider: 'whatsapp-cloud', phoneNumberId: '200000000000001', apiVersion: 'v22.0', accessToken: 'EAAG…456', appSecret: 'meta…def', webhookVerifyToken: 'veri…789' });
    const after = await stored('whatsapp');
    // The sealed values are kept as they were, not re-encrypted.
    for (const field of ['accessToken', 'appSecret', 'webhookVerifyToken']) expect(after.settings).toHaveProperty(field, (before.settings as Record<string, unknown>)[field]);
    expect(openChannelSettings(after.settings, deriveKey(ENCRYPTION_KEY), channelSecretContext(t.projectId, 'whatsapp'))).toEqual({
      ...whatsApp,
      phoneNumberId: '200000000000001',
      apiVersion: 'v22.0',
    });

    // What GET shows can be sent back as is.
    const shown = (await list()).find((view) => view.channel === 'whatsapp')!;
    await put('whatsapp', { ...shown.settings, phoneNumberId: '106540352242922', apiVersion: null, webhookVerifyToken: null }).expect(200);
    const opened = openChannelSettings((await stored('whatsapp')).settings, deriveKey(ENCRYPTION_KEY), channelSecretContext(t.projectId, 'whatsapp'));
    expect(opened).toEqual({ provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', accessToken: ACCESS_TOKEN, appSecret: APP_SECRET });

    // Another provider starts from scratch: its secrets are required again.
    await put('whatsapp', { provider: 'sandbox' }).expect(200);
    await expect400(put('whatsapp', { provider: 'whatsapp-cloud', phoneNumberId: '106540352242922' }), 'accessToken');
  });

  describe('credentials inside URLs', () => {
    const TOKEN = 'SG.url-token-abcdefghijklmnop0123456789';
    const GATEWAY_PASSWORD = 'gateway-pass-word-4455';
    const API_KEY = 'sms-api-key-0011223344';
    const key = deriveKey(ENCRYPTION_KEY);
    const opened = async (channel: string) => openChannelSettings((await stored(channel)).settings, key, channelSecretContext(t.projectId, channel));
    const shownSettings = async (channel: string) => (await list()).find((view) => view.channel === channel)!.settings;
    const expectHidden = async (channel: string, secrets: string[]) => {
      const row = await stored(channel);
      const views = JSON.stringify(await list());
      for (const secret of secrets) {
        expect(row.text).not.toContain(secret.slice(0, 10));
        expect(views).not.toContain(secret.slice(0, 10));
      }
    };

    it.each([
      ['a token as the user name', `smtp://${TOKEN}@smtp.example.com:587`, 'smtp://SG.u…789@smtp.example.com:587'],
      ['a token as user name and password', `smtps://${TOKEN}:${TOKEN}@smtp.example.com:465`, 'smtps://SG.u…789:SG.u…789@smtp.example.com:465'],
      ['?pass= in the query', `smtp://mailer@smtp.example.com:587?pass=${TOKEN}`, 'smtp://ma…@smtp.example.com:587?pass=SG.u…789'],
    ])('SMTP: %s is sealed, masked, and kept when sent back masked', async (_case, smtpUrl, masked) => {
      const from = 'Example Shop <news@shop.example.com>';
      const saved = (await put('email', { provider: 'smtp', smtpUrl, from }).expect(200)).body as ChannelView;
      expect(saved.settings['smtpUrl']).toBe(masked);
      await expectHidden('email', [TOKEN]);

      await put('email', { ...(await shownSettings('email')), from: 'Shop <hello@shop.example.com>' }).expect(200);
      expect(await opened('email')).toEqual({ provider: 'smtp', smtpUrl, from: 'Shop <hello@shop.example.com>' });
    });

    it('SMS: a gateway URL an older version stored in plain text is sealed at start', async () => {
      const url = `https://gw-user:${GATEWAY_PASSWORD}@sms.example.com/send?apikey=${API_KEY}`;
      const sealedAuth = (await put('sms', { provider: 'http-sms', url: 'https://sms.example.com/send', authHeader: SMS_AUTH }).expect(200)).body as ChannelView;
      expect(sealedAuth.settings['authHeader']).toBe('Bear…566');
      // As a version that did not treat the URL as a secret left it.
      await t.db.dataSource.query(`UPDATE channel_settings SET settings = jsonb_set(settings, '{url}', to_jsonb($3::text)) WHERE project_id = $1 AND channel = $2`, [
        t.projectId,
        'sms',
        url,
      ]);
      expect((await stored('sms')).text).toContain(GATEWAY_PASSWORD);

      expect(await t.app.get(ChannelSettingsService).sealStoredSecrets()).toBe(1);
      await expectHidden('sms', [GATEWAY_PASSWORD, API_KEY]);
      expect(await opened('sms')).toEqual({ provider: 'http-sms', url, authHeader: SMS_AUTH });
      // Nothing left to seal.
      expect(await t.app.get(ChannelSettingsService).sealStoredSecrets()).toBe(0);
      await t.http().delete('/api/v1/channels/sms').set(t.auth).expect(204);
    });

    it('SMS: user:password@ and ?apikey= in the gateway URL are sealed and masked; an edit around the masks keeps them', async () => {
      const url = `https://gw-user:${GATEWAY_PASSWORD}@sms.example.com/send?apikey=${API_KEY}&route=eu`;
      const saved = (await put('sms', { provider: 'http-sms', url, from: 'Shop' }).expect(200)).body as ChannelView;
      expect(saved.settings['url']).toBe('https://gw…:gate…455@sms.example.com/send?apikey=sms-…344&route=eu');
      await expectHidden('sms', [GATEWAY_PASSWORD, API_KEY, 'gw-user']);
      expect((await stored('sms')).settings).toMatchObject({ url: expect.stringMatching(/^v1:/) as unknown });
      expect(await opened('sms')).toEqual({ provider: 'http-sms', url, from: 'Shop' });

      // Sent back as shown: the stored URL is kept as it was sealed.
      const before = (await stored('sms')).settings;
      await put('sms', { ...(await shownSettings('sms')), from: 'Acme' }).expect(200);
      expect((await stored('sms')).settings).toHaveProperty('url', (before as Record<string, unknown>)['url']);

      // The path and a plain parameter edited around the masked credentials.
      const edited = String((await shownSettings('sms'))['url']).replace('/send', '/v2/send').replace('route=eu', 'route=us');
      await put('sms', { provider: 'http-sms', url: edited }).expect(200);
      expect(await opened('sms')).toEqual({ provider: 'http-sms', url: `https://gw-user:${GATEWAY_PASSWORD}@sms.example.com/v2/send?apikey=${API_KEY}&route=us` });

      // A masked credential is not carried to another host, and a stale mask is refused.
      await expect400(put('sms', { provider: 'http-sms', url: edited.replace('sms.example.com', 'sms.attacker.example') }), 'url: its user name is masked', 'same host (sms.example.com)');
      await expect400(put('sms', { provider: 'http-sms', url: 'https://gw-user:zz…9@sms.example.com/v2/send' }), 'url: its password is masked (…) but is not the stored one');
      expect(await opened('sms')).toMatchObject({ url: expect.stringContaining(GATEWAY_PASSWORD) as unknown });
    });
  });

  it('stores the WhatsApp Business Account id in clear for the template webhook, refuses one that is not digits, and removes it with null', async () => {
    const saved = (await put('whatsapp', { ...whatsApp, businessAccountId: '102290129340398' }).expect(200)).body as ChannelView;
    expect(saved.settings).toMatchObject({ businessAccountId: '102290129340398', accessToken: 'EAAG…456' });
    expect((await stored('whatsapp')).settings).toMatchObject({ businessAccountId: '102290129340398' });

    const message = 'businessAccountId must be the numeric WhatsApp Business Account id from WhatsApp Manager (digits only)';
    for (const businessAccountId of ['WABA-102290129340398', '', 102290129340398, '1 022']) {
      const refused = await put('whatsapp', { ...whatsApp, businessAccountId }).expect(400);
      expect((refused.body as { message: string[] }).message).toEqual([message]);
    }
    expect((await stored('whatsapp')).settings).toMatchObject({ businessAccountId: '102290129340398' });

    // Secrets left out are kept; the account id is not a secret, so leaving it out (or null) removes it.
    await put('whatsapp', { provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', businessAccountId: null }).expect(200);
    expect((await stored('whatsapp')).settings).not.toHaveProperty('businessAccountId');
  });

  it('configures every provider, masking each secret', async () => {
    const configured: Array<[string, Record<string, unknown>]> = [
      ['whatsapp', whatsApp],
      ['email', { provider: 'smtp', smtpUrl: `smtp://mailer:${SMTP_PASSWORD}@smtp.example.com:587`, from: 'Example Shop <news@shop.example.com>' }],
      ['push', { provider: 'push', webpush: { vapidPublicKey: VAPID.publicKey, vapidPrivateKey: VAPID.privateKey, subject: 'mailto:ops@shop.example.com' }, fcm: { serviceAccount } }],
      ['sms', { provider: 'http-sms', url: 'https://sms.example.com/send', authHeader: SMS_AUTH, from: 'Shop' }],
      ['webhook', { provider: 'webhook', signingSecret: SIGNING_SECRET }],
    ];
    for (const [channel, settings] of configured) expectNoSecret((await put(channel, settings).expect(200)).body);

    const views = await list();
    expectNoSecret(views);
    expect(views.map((view) => [view.channel, view.provider])).toEqual([
      ['push', 'push'],
      ['email', 'smtp'],
      ['whatsapp', 'whatsapp-cloud'],
      ['sms', 'http-sms'],
      ['webhook', 'webhook'],
    ]);
    const email = views.find((view) => view.channel === 'email')!;
    expect(email.settings['smtpUrl']).toBe('smtp://ma…:smtp…987@smtp.example.com:587');
    const push = views.find((view) => view.channel === 'push')!.settings as { fcm: { serviceAccount: Record<string, unknown> }; webpush: Record<string, unknown> };
    // Only the fields the provider needs are kept from a pasted service account file.
    expect(Object.keys(push.fcm.serviceAccount).sort()).toEqual(['client_email', 'private_key', 'project_id']);
    expect(push.webpush['vapidPublicKey']).toBe(VAPID.publicKey);

    const rows = await t.db.dataSource.query<Array<{ text: string }>>(`SELECT settings::text AS text FROM channel_settings WHERE project_id = $1`, [t.projectId]);
    expect(rows).toHaveLength(5);
    for (const row of rows) for (const fragment of secretFragments) expect(row.text).not.toContain(fragment);

    // Other projects see none of it.
    expect((await list(otherAuth)).every((view) => view.provider === 'sandbox')).toBe(true);
  });

  it('refuses providers that cannot serve the channel', async () => {
    await expect400(
      put('whatsapp', { provider: 'smtp', smtpUrl: 'smtp://smtp.example.com', from: 'a@example.com' }),
      'provider "smtp" cannot serve the whatsapp channel; use sandbox or whatsapp-cloud',
    );
    await expect400(put('email', { ...whatsApp }), 'provider "whatsapp-cloud" cannot serve the email channel; use sandbox or smtp');
    await expect400(put('sms', { provider: 'webhook' }), 'provider "webhook" cannot serve the sms channel');
    await expect400(put('push', { provider: 'http-sms', url: 'https://sms.example.com' }), 'provider "http-sms" cannot serve the push channel; use sandbox or webpush or fcm or push');
  });

  it('answers 400 naming the field for bad settings, and stores nothing', async () => {
    await t.http().delete('/api/v1/channels/sms').set(t.auth).expect(204);
    await expect400(
      put('whatsapp', { provider: 'whatsapp-cloud', phoneNumberId: '+49 151', accessToken: 'short', appSecret: 'x' }),
      'phoneNumberId must be the numeric phone number id from WhatsApp Manager',
      'accessToken must be longer than or equal to 20 characters',
      'appSecret must be longer than or equal to 8 characters',
    );
    await expect400(put('email', { provider: 'smtp', smtpUrl: 'http://mail.example.com', from: 'nobody' }), 'smtpUrl must look like', 'from must be an address');
    await expect400(put('push', { provider: 'push' }), 'webpush or fcm (or both) must be configured');
    await expect400(put('push', { provider: 'fcm', serviceAccount: { ...serviceAccount, private_key: 'not a key' } }), 'serviceAccount.private_key');
    await expect400(put('sms', { provider: 'telegram' }), 'provider must be one of sandbox, whatsapp-cloud, smtp, webpush, fcm, push, http-sms, webhook');
    await expect400(put('sms', { url: 'https://sms.example.com' }), 'provider must be one of');
    await expect400(put('sms', [1, 2]), 'The body must be the channel settings');
    await expect400(put('sms', { provider: 'http-sms', url: 'https://sms.example.com', from: 'a\u0000b' }), 'settings must not contain the NUL character');
    await expect400(put('telegram', { provider: 'sandbox' }), 'channel must be one of push, email, whatsapp, sms, webhook');
    expect(await stored('sms')).toBeUndefined();
  });

  it('goes back to the sandbox on DELETE or a sandbox PUT', async () => {
    await put('webhook', { provider: 'webhook', signingSecret: SIGNING_SECRET }).expect(200);
    const sandbox = (await put('webhook', { provider: 'sandbox', extra: 'dropped' }).expect(200)).body as ChannelView;
    expect(sandbox).toMatchObject({ channel: 'webhook', provider: 'sandbox', settings: { provider: 'sandbox' } });
    expect(sandbox.updatedAt).not.toBeNull();

    await t.http().delete('/api/v1/channels/webhook').set(t.auth).expect(204);
    await t.http().delete('/api/v1/channels/webhook').set(t.auth).expect(204);
    expect((await list()).find((view) => view.channel === 'webhook')).toEqual({ channel: 'webhook', provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null });
    expect(await stored('webhook')).toBeUndefined();
    await t.http().delete('/api/v1/channels/nope').set(t.auth).expect(400);
  });

  it('moves updated_at forward on every save, so workers rebuild the provider', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) times.push(Date.parse(((await put('sms', { provider: 'http-sms', url: 'https://sms.example.com' }).expect(200)).body as ChannelView).updatedAt!));
    expect(times[1]).toBeGreaterThan(times[0]);
    expect(times[2]).toBeGreaterThan(times[1]);
  });

  it('says so, instead of failing, when stored secrets do not open (copied to another project)', async () => {
    await put('whatsapp', whatsApp).expect(200);
    const otherProjectId = (await t.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM projects WHERE name = 'Other project'`))[0].id;
    await t.db.dataSource.query(
      `INSERT INTO channel_settings (project_id, channel, provider, settings) SELECT $2, channel, provider, settings FROM channel_settings WHERE project_id = $1 AND channel = 'whatsapp'`,
      [t.projectId, otherProjectId],
    );
    const view = (await list(otherAuth)).find((item) => item.channel === 'whatsapp')!;
    expect(view.problem).toContain('cannot be opened');
    expect(view.settings).toEqual({ provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', accessToken: '…', appSecret: '…', webhookVerifyToken: '…' });
    // Saving again with every secret repairs it.
    expect(((await put('whatsapp', whatsApp, otherAuth).expect(200)).body as ChannelView).problem).toBeUndefined();
  });
});
