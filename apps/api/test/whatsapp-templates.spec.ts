import { omnichannelFallbackJourney, whatsappKeywordJourney } from '@engine/journey';
import { createTestDatabase } from '@engine/persistence/testing';
import { DEMO_WHATSAPP_TEMPLATES } from '../src/demo/demo-whatsapp-templates';
import { seedDemoProject } from '../src/demo/seed-demo-project';
import { createProject } from '../src/projects/create-project';
import { WhatsAppTemplatesService } from '../src/whatsapp/whatsapp-templates.service';
import { startTestApp, type TestApp } from './test-app';

interface TemplateBody {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  statusReason: string | null;
  components: Array<Record<string, unknown>>;
  createdAt: string;
  updatedAt: string;
}

const promo = {
  name: 'promo_offer',
  language: 'en',
  category: 'marketing',
  components: [
    { type: 'header', format: 'text', text: 'Your promo is here' },
    { type: 'BODY', text: 'Hi {{1}}, here is 20% off today.', example: { body_text: [['Anna']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [{ type: 'quick_reply', text: 'Stop promotions' }, { type: 'URL', text: 'Shop now', url: 'https://shop.example.com/promo' }] },
  ],
};

describe('WhatsApp template registry', () => {
  let t: TestApp;
  let otherAuth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    otherAuth = { Authorization: `Bearer ${(await createProject(t.db.dataSource.manager, 'Other project')).apiKey}` };
  });
  afterAll(async () => {
    await t.close();
  });

  const templates = (app = t) => app.http().post('/api/v1/whatsapp/templates').set(app.auth);
  const register = async (body: object, app = t) => (await templates(app).send(body).expect(201)).body as TemplateBody;
  const messagesOf = async (response: Promise<{ body: unknown }>) => {
    const body = (await response).body as { message: string | string[] };
    return Array.isArray(body.message) ? body.message : [body.message];
  };
  const publish = (app: TestApp, journeyId: string) => app.http().post(`/api/v1/journeys/${journeyId}/publish`).set(app.auth);
  const createJourney = async (app: TestApp, graph: unknown) =>
    ((await app.http().post('/api/v1/journeys').set(app.auth).send({ name: 'Keywords', graph }).expect(201)).body as { id: string }).id;

  describe('CRUD', () => {
    it('registers a template as pending, with types in upper case, and refuses a duplicate with 409', async () => {
      const created = await register(promo);
      expect(created).toEqual({
        id: expect.any(String) as unknown,
        name: 'promo_offer',
        language: 'en',
        category: 'marketing',
        status: 'pending',
        statusReason: null,
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'Your promo is here' },
          { type: 'BODY', text: 'Hi {{1}}, here is 20% off today.', example: { body_text: [['Anna']] } },
          { type: 'FOOTER', text: 'Reply STOP to opt out' },
          { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }, { type: 'URL', text: 'Shop now', url: 'https://shop.example.com/promo' }] },
        ],
        createdAt: expect.any(String) as unknown,
        updatedAt: expect.any(String) as unknown,
      });
      const duplicate = await templates().send({ ...promo, status: 'approved' }).expect(409);
      expect((duplicate.body as { message: string }).message).toBe('Template "promo_offer" (en) is already registered; change its status with PATCH or delete it first');
      // Another language, or another project, is another template.
      await register({ ...promo, language: 'pt_BR' });
      await t.http().post('/api/v1/whatsapp/templates').set(otherAuth).send(promo).expect(201);
      // en-US, as Meta's webhooks write it, is en_US (and then a duplicate of it).
      const american = await templates().send({ ...promo, language: 'en-US' }).expect(201);
      expect((american.body as { language: string }).language).toBe('en_US');
      await templates().send({ ...promo, language: 'en_US' }).expect(409);
    });

    it('answers 400 naming the field for malformed templates', async () => {
      expect(await messagesOf(templates().send({ ...promo, name: 'Promo Offer', language: 'english', category: 'promo', status: 'live' }).expect(400))).toEqual([
        'name must be lowercase letters, digits and underscores (e.g. promo_offer), at most 512 characters',
        'language must be a WhatsApp language code such as en, en_US or pt_BR',
        'category must be one of marketing, utility, authentication',
        'status must be one of pending, approved, rejected, paused, disabled, deleted',
      ]);
      const bad = (components: unknown) => messagesOf(templates().send({ ...promo, name: 'bad', components }).expect(400));
      expect(await bad(undefined)).toEqual(['components must be a list of HEADER, BODY, FOOTER and BUTTONS components']);
      expect(await bad([{ type: 'FOOTER', text: 'Bye' }])).toEqual(['components must include a BODY component with the message text']);
      expect(await bad([{ type: 'BODY', text: '' }, { type: 'BANNER' }])).toEqual(['components[0].text must be a non-empty text; components[1].type must be HEADER, BODY, FOOTER or BUTTONS']);
      expect(await bad([{ type: 'BODY', text: 'a' }, { type: 'BODY', text: 'b' }])).toEqual(['components has 2 BODY components; a template has at most one of each type']);
      expect(await bad([{ type: 'HEADER', format: 'GIF' }, { type: 'BODY', text: 'x'.repeat(1025) }])).toEqual([
        'components[0].format must be one of TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION; components[1].text must be at most 1024 characters (it has 1025)',
      ]);
      expect(
        await bad([
          { type: 'BODY', text: 'Hi' },
          { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Open' }, { type: 'PHONE_NUMBER', text: 'Call', phone_number: 'call me' }, { type: 'QUICK_REPLY', text: 'x'.repeat(26) }] },
        ]),
      ).toEqual([
        'components[1].buttons[0].url must be an http(s) URL; components[1].buttons[1].phone_number must be a phone number such as +4915112345678; components[1].buttons[2].text must be at most 25 characters (it has 26)',
      ]);
      expect(await bad([{ type: 'BODY', text: 'a\u0000b' }])).toEqual(['components must not contain the NUL character (\\u0000)']);
    });

    it('lists by name and language, filtered by status', async () => {
      await register({ ...promo, name: 'list_b', status: 'approved' });
      await register({ ...promo, name: 'list_a', status: 'rejected' });
      const all = (await t.http().get('/api/v1/whatsapp/templates').set(t.auth).expect(200)).body as TemplateBody[];
      expect(all.map((template) => `${template.name}/${template.language}/${template.status}`)).toEqual(
        expect.arrayContaining(['list_a/en/rejected', 'list_b/en/approved']) as unknown,
      );
      expect(all.map((template) => template.name)).toEqual([...all.map((template) => template.name)].sort());
      const approved = (await t.http().get('/api/v1/whatsapp/templates?status=approved').set(t.auth).expect(200)).body as TemplateBody[];
      expect(approved.every((template) => template.status === 'approved')).toBe(true);
      expect(approved.map((template) => template.name)).toContain('list_b');
      const byName = (await t.http().get('/api/v1/whatsapp/templates?name=list_a').set(t.auth).expect(200)).body as TemplateBody[];
      expect(byName.map((template) => template.name)).toEqual(['list_a']);
      expect(await messagesOf(t.http().get('/api/v1/whatsapp/templates?status=live').set(t.auth).expect(400))).toEqual(['status must be one of pending, approved, rejected, paused, disabled, deleted']);
      await t.http().get('/api/v1/whatsapp/templates').expect(401);
    });

    it("updates the status, deletes, and answers 404 for unknown or other projects' templates", async () => {
      const template = await register({ ...promo, name: 'status_changes' });
      const approved = (await t.http().patch(`/api/v1/whatsapp/templates/${template.id}`).set(t.auth).send({ status: 'approved' }).expect(200)).body as TemplateBody;
      expect(approved).toMatchObject({ id: template.id, status: 'approved' });
      expect(Date.parse(approved.updatedAt)).toBeGreaterThanOrEqual(Date.parse(template.updatedAt));
      expect(await messagesOf(t.http().patch(`/api/v1/whatsapp/templates/${template.id}`).set(t.auth).send({ status: 'done' }).expect(400))).toEqual([
        'status must be one of pending, approved, rejected, paused, disabled, deleted',
      ]);
      expect(await messagesOf(t.http().patch(`/api/v1/whatsapp/templates/${template.id}`).set(t.auth).send({ status: 'paused', name: 'x' }).expect(400))).toEqual([
        'property name should not exist',
      ]);
      await t.http().patch(`/api/v1/whatsapp/templates/${template.id}`).set(otherAuth).send({ status: 'rejected' }).expect(404);
      await t.http().delete(`/api/v1/whatsapp/templates/${template.id}`).set(otherAuth).expect(404);
      expect(await messagesOf(t.http().delete('/api/v1/whatsapp/templates/not-an-id').set(t.auth).expect(400))).toEqual(['id must be a UUID (the template id)']);
      await t.http().delete(`/api/v1/whatsapp/templates/${template.id}`).set(t.auth).expect(204);
      await t.http().delete(`/api/v1/whatsapp/templates/${template.id}`).set(t.auth).expect(404);
      await t.http().patch('/api/v1/whatsapp/templates/00000000-0000-4000-8000-000000000000').set(t.auth).send({ status: 'approved' }).expect(404);
    });
  });

  describe('publishing', () => {
    // A project of its own: no templates but those registered here.
    let p: TestApp;
    beforeAll(async () => {
      p = await startTestApp();
    });
    afterAll(async () => {
      await p.close();
    });

    it('refuses template sends that are not registered or not approved, in the problems list, and publishes once approved', async () => {
      const journeyId = await createJourney(p, whatsappKeywordJourney);
      const refusal = async () => (await publish(p, journeyId).expect(422)).body as { message: string; problems: unknown[] };

      expect(await refusal()).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'The journey has 2 problems',
        problems: [
          {
            severity: 'error',
            code: 'whatsapp-template-not-approved',
            nodeId: 'help-reply',
            field: 'data.template.name',
            message: 'Node "Support reply" (Send WhatsApp): template "support_help" (en) is not registered; add it to the WhatsApp templates once Meta has approved it',
          },
          {
            severity: 'error',
            code: 'whatsapp-template-not-approved',
            nodeId: 'promo-reply',
            field: 'data.template.name',
            message: 'Node "Promo reply" (Send WhatsApp): template "promo_offer" (en) is not registered; add it to the WhatsApp templates once Meta has approved it',
          },
        ],
      });

      // Validation says the same before anyone tries to publish.
      const validation = (await p.http().post(`/api/v1/journeys/${journeyId}/validate`).set(p.auth).expect(200)).body as { valid: boolean; problems: Array<{ code: string }> };
      expect(validation.valid).toBe(false);
      expect(validation.problems.map((problem) => problem.code)).toEqual(['whatsapp-template-not-approved', 'whatsapp-template-not-approved']);

      const [help, offer] = DEMO_WHATSAPP_TEMPLATES;
      const helpId = (await register({ ...help }, p)).id;
      await register({ ...offer, status: 'rejected' }, p);
      expect((await refusal()).problems).toEqual([
        expect.objectContaining({ nodeId: 'help-reply', message: 'Node "Support reply" (Send WhatsApp): template "support_help" (en) is not approved yet (pending)' }),
        expect.objectContaining({ nodeId: 'promo-reply', message: 'Node "Promo reply" (Send WhatsApp): template "promo_offer" (en) is not approved (rejected)' }),
      ]);

      await p.http().patch(`/api/v1/whatsapp/templates/${helpId}`).set(p.auth).send({ status: 'approved' }).expect(200);
      const offerId = ((await p.http().get('/api/v1/whatsapp/templates?name=promo_offer').set(p.auth).expect(200)).body as TemplateBody[])[0].id;
      await p.http().patch(`/api/v1/whatsapp/templates/${offerId}`).set(p.auth).send({ status: 'approved' }).expect(200);
      const version = (await publish(p, journeyId).expect(201)).body as { version: number };
      expect(version.version).toBe(1);

      // Paused by Meta (low quality): later publishes are refused again; nothing else changes.
      await p.http().patch(`/api/v1/whatsapp/templates/${offerId}`).set(p.auth).send({ status: 'paused' }).expect(200);
      expect((await refusal()).problems).toEqual([
        expect.objectContaining({ nodeId: 'promo-reply', message: 'Node "Promo reply" (Send WhatsApp): template "promo_offer" (en) is not approved (paused)' }),
      ]);
      const journey = (await p.http().get(`/api/v1/journeys/${journeyId}`).set(p.auth).expect(200)).body as { status: string; liveVersionNumber: number };
      expect(journey).toMatchObject({ status: 'live', liveVersionNumber: 1 });
    });

    it('refuses a send whose parameters do not match the placeholders of the approved template', async () => {
      const graph = structuredClone(whatsappKeywordJourney);
      for (const node of graph.nodes) if (node.type === 'send.whatsapp' && node.data.template) node.data.template.name = `${node.data.template.name}_v2`;
      const journeyId = await createJourney(p, graph);
      await register({ name: 'support_help_v2', language: 'en', category: 'utility', status: 'approved', components: [{ type: 'BODY', text: 'Hi {{1}}, how can we help?' }] }, p);
      await register({
        name: 'promo_offer_v2',
        language: 'en',
        category: 'marketing',
        status: 'approved',
        components: [{ type: 'HEADER', format: 'TEXT', text: 'For {{1}}' }, { type: 'BODY', text: '{{1}}, {{2}} and {{1}} again' }],
      }, p);
      expect(((await publish(p, journeyId).expect(422)).body as { problems: unknown[] }).problems).toEqual([
        {
          severity: 'error',
          code: 'whatsapp-template-parameters',
          nodeId: 'help-reply',
          field: 'data.template.bodyParameters',
          message: 'Node "Support reply" (Send WhatsApp): template "support_help_v2" (en) has 1 body parameter, the node gives 0',
        },
        {
          severity: 'error',
          code: 'whatsapp-template-parameters',
          nodeId: 'promo-reply',
          field: 'data.template.headerParameters',
          message: 'Node "Promo reply" (Send WhatsApp): template "promo_offer_v2" (en) has 1 header parameter, the node gives 0',
        },
        {
          severity: 'error',
          code: 'whatsapp-template-parameters',
          nodeId: 'promo-reply',
          field: 'data.template.bodyParameters',
          message: 'Node "Promo reply" (Send WhatsApp): template "promo_offer_v2" (en) has 2 body parameters, the node gives 1',
        },
      ]);
    });
  });

  it('the demo project registers the templates its example journeys send, approved, so they can be published', async () => {
    const db = await createTestDatabase('journeys_api_test');
    try {
      const demo = await seedDemoProject(db.dataSource, '/dev/null');
      const service = new WhatsAppTemplatesService(db.dataSource);
      for (const graph of [omnichannelFallbackJourney, whatsappKeywordJourney]) {
        expect(await service.publishProblems(db.dataSource.manager, demo!.projectId, graph)).toEqual([]);
      }
      const rows = await db.dataSource.query<Array<{ name: string; status: string }>>(`SELECT name, status FROM whatsapp_templates WHERE project_id = $1 ORDER BY name`, [
        demo!.projectId,
      ]);
      expect(rows).toEqual([
        { name: 'promo_offer', status: 'approved' },
        { name: 'support_help', status: 'approved' },
      ]);
    } finally {
      await db.drop();
    }
  });
});
