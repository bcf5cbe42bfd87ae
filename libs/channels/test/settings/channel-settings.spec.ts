import { generateKeyPairSync, randomBytes } from 'node:crypto';
import webPush from 'web-push';
import {
  type ChannelSettings,
  CombinedPushProvider,
  createChannelProvider,
  FcmProvider,
  HttpSmsProvider,
  maskChannelSettings,
  openChannelSettings,
  PROVIDER_CHANNELS,
  SandboxProvider,
  sealChannelSettings,
  SECRET_FIELDS,
  SecretDecryptionError,
  SmtpEmailProvider,
  validateChannelSettings,
  WebhookProvider,
  WebPushProvider,
  WhatsAppCloudProvider,
} from '../../src';
import { outgoingMessage } from '../support/outgoing-message';

const vapid = webPush.generateVAPIDKeys();
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const serviceAccountFile = {
  type: 'service_account',
  project_id: 'demo-project',
  private_key_id: 'abc123',
  private_key: privateKey,
  client_email: 'firebase-adminsdk-x@demo-project.iam.gserviceaccount.com',
  client_id: '1234567890',
  token_uri: 'https://oauth2.googleapis.com/token',
};

const valid: Record<string, ChannelSettings> = {
  sandbox: { provider: 'sandbox' },
  whatsapp: {
    provider: 'whatsapp-cloud',
    phoneNumberId: '106540352242922',
    businessAccountId: '102290129340398',
    accessToken: 'EAAGm0PX4ZCpsBAKZC1Lr9x0xyz',
    appSecret: 'app-secret-123',
    webhookVerifyToken: 'verify-me-please',
  },
  smtp: { provider: 'smtp', smtpUrl: 'smtp://apikey:SG.secret@smtp.sendgrid.net:587', from: 'Acme <news@acme.example>', replyTo: 'help@acme.example', unsubscribeMailto: 'unsub@acme.example' },
  webpush: { provider: 'webpush', vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: 'mailto:ops@acme.example' },
  fcm: { provider: 'fcm', serviceAccount: serviceAccountFile },
  push: { provider: 'push', webpush: { vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: 'https://acme.example/contact' }, fcm: { serviceAccount: serviceAccountFile } },
  sms: { provider: 'http-sms', url: 'https://sms.example.com/v1/messages', authHeader: 'Bearer key', from: 'ACME' },
  webhook: { provider: 'webhook', timeoutMs: 5000, signingSecret: 'whsec_0123456789abcdef' },
};

describe('validateChannelSettings', () => {
  it.each(Object.entries(valid))('accepts valid %s settings', (_name, settings) => {
    const result = validateChannelSettings(settings);
    expect(result.ok).toBe(true);
  });

  it('drops unknown fields, such as the rest of a pasted service account file or a smuggled allowPrivateNetworks', () => {
    const result = validateChannelSettings({ ...valid.webhook, allowPrivateNetworks: true });
    expect(result).toEqual({ ok: true, settings: { provider: 'webhook', timeoutMs: 5000, signingSecret: 'whsec_0123456789abcdef' } });
    const fcm = validateChannelSettings(valid.fcm);
    expect(fcm.ok && fcm.settings).toEqual({
      provider: 'fcm',
      serviceAccount: { project_id: 'demo-project', client_email: serviceAccountFile.client_email, private_key: privateKey, token_uri: 'https://oauth2.googleapis.com/token' },
    });
  });

  it('names what is wrong, nested fields by path', () => {
    expect(validateChannelSettings({ provider: 'carrier-pigeon' })).toEqual({ ok: false, errors: [expect.stringContaining('provider must be one of sandbox, whatsapp-cloud') as unknown] });
    expect(validateChannelSettings('nope')).toEqual({ ok: false, errors: ['settings must be an object'] });
    const whatsapp = validateChannelSettings({ provider: 'whatsapp-cloud', phoneNumberId: '+49 151', businessAccountId: 'WABA 1022', accessToken: 'short', apiVersion: '21' });
    expect(!whatsapp.ok && whatsapp.errors).toEqual(
      expect.arrayContaining([
        'phoneNumberId must be the numeric phone number id from WhatsApp Manager',
        'businessAccountId must be the numeric WhatsApp Business Account id from WhatsApp Manager (digits only)',
        'accessToken must be longer than or equal to 20 characters',
        'apiVersion must look like v21.0',
      ]),
    );
    const fcm = validateChannelSettings({ provider: 'fcm', serviceAccount: { ...serviceAccountFile, private_key: 'not a key', client_email: 'x' } });
    expect(!fcm.ok && fcm.errors).toEqual(['serviceAccount.client_email must be an email', 'serviceAccount.private_key must be the PEM private key of the service account']);
    const push = validateChannelSettings({ provider: 'push' });
    expect(!push.ok && push.errors).toEqual(['webpush or fcm (or both) must be configured']);
    const webpush = validateChannelSettings({ ...valid.webpush, vapidPrivateKey: 'x', timeoutMs: 5 });
    expect(!webpush.ok && webpush.errors).toEqual(['vapidPrivateKey must be a URL-safe base64 P-256 private key (43 characters)', 'timeoutMs must not be less than 1000']);
    const smtp = validateChannelSettings({ provider: 'smtp', smtpUrl: 'http://mail.example.com', from: 'Acme' });
    expect(!smtp.ok && smtp.errors).toHaveLength(2);
  });
});

describe('secret fields', () => {
  const key = randomBytes(32);

  it('lists, for every provider, fields its settings have', () => {
    expect(Object.keys(SECRET_FIELDS).sort()).toEqual(Object.keys(PROVIDER_CHANNELS).sort());
    for (const settings of Object.values(valid)) {
      for (const path of SECRET_FIELDS[settings.provider]) {
        const value = path.split('.').reduce<unknown>((holder, part) => (holder as Record<string, unknown> | undefined)?.[part], settings);
        expect(typeof value).toBe('string');
      }
    }
  });

  it('seals every secret for the database and opens them again, bound to their place', () => {
    const sealed = sealChannelSettings(valid.push, key, 'project-1/push') as Extract<ChannelSettings, { provider: 'push' }>;
    expect(sealed.webpush!.vapidPrivateKey).toMatch(/^v1:/);
    expect(sealed.fcm!.serviceAccount.private_key).toMatch(/^v1:/);
    expect(sealed.webpush!.vapidPublicKey).toBe(vapid.publicKey);
    expect(sealChannelSettings(sealed, key, 'project-1/push')).toEqual(sealed);
    // The SMS gateway URL may carry credentials (user info, ?apikey=): sealed whole.
    const sms = sealChannelSettings(valid.sms, key, 'project-1/sms') as Extract<ChannelSettings, { provider: 'http-sms' }>;
    expect(sms.url).toMatch(/^v1:/);
    expect(openChannelSettings(sms, key, 'project-1/sms')).toEqual(valid.sms);
    expect(openChannelSettings(sealed, key, 'project-1/push')).toEqual(valid.push);
    expect(() => openChannelSettings(sealed, key, 'project-2/push')).toThrow(SecretDecryptionError);
    expect((valid.push as { webpush: { vapidPrivateKey: string } }).webpush.vapidPrivateKey).toBe(vapid.privateKey);
  });

  it('masks secrets for display', () => {
    expect(maskChannelSettings(valid.whatsapp)).toEqual({
      provider: 'whatsapp-cloud',
      phoneNumberId: '106540352242922',
      businessAccountId: '102290129340398',
      accessToken: 'EAAG…xyz',
      appSecret: 'app…3',
      webhookVerifyToken: 'ver…se',
    });
    expect(maskChannelSettings(valid.smtp)).toMatchObject({ smtpUrl: 'smtp://ap…:SG…t@smtp.sendgrid.net:587' });
    expect(maskChannelSettings({ provider: 'http-sms', url: 'https://gw:pa55w0rd-long@sms.example.com/send?apikey=k-123456789&from=Shop' })).toEqual({
      provider: 'http-sms',
      url: 'https://…:pa5…g@sms.example.com/send?apikey=k-…9&from=Shop',
    });
  });
});

describe('createChannelProvider', () => {
  it('builds the provider of each kind', () => {
    expect(createChannelProvider(valid.sandbox)).toBeInstanceOf(SandboxProvider);
    expect(createChannelProvider(valid.whatsapp)).toBeInstanceOf(WhatsAppCloudProvider);
    expect(createChannelProvider(valid.smtp)).toBeInstanceOf(SmtpEmailProvider);
    expect(createChannelProvider(valid.webpush)).toBeInstanceOf(WebPushProvider);
    expect(createChannelProvider(valid.fcm)).toBeInstanceOf(FcmProvider);
    expect(createChannelProvider(valid.push)).toBeInstanceOf(CombinedPushProvider);
    expect(createChannelProvider(valid.sms)).toBeInstanceOf(HttpSmsProvider);
    expect(createChannelProvider(valid.webhook)).toBeInstanceOf(WebhookProvider);
    expect(() => createChannelProvider({ provider: 'push' })).toThrow(/webpush, fcm or both/);
  });

  it('takes the SSRF policy from the deployment, never from the settings', async () => {
    const smuggled = { provider: 'webhook', allowPrivateNetworks: true } as ChannelSettings;
    const message = outgoingMessage({ channel: 'webhook', content: { url: 'http://127.0.0.1:9/x', method: 'POST' } });
    await expect(createChannelProvider(smuggled).send(message)).rejects.toThrow(/internal address/);
    await expect(createChannelProvider(smuggled, { allowPrivateNetworks: true }).send(message)).rejects.not.toThrow(/internal address/);
  });

  it('says which channels each provider serves', () => {
    expect(PROVIDER_CHANNELS['whatsapp-cloud']).toEqual(['whatsapp']);
    expect(PROVIDER_CHANNELS.sandbox).toHaveLength(5);
  });
});
