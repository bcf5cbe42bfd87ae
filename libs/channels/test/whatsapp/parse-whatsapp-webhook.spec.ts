import { parseWhatsAppWebhook, whatsAppReceivedEvent, whatsAppStatusEvent } from '../../src';
import * as payloads from './whatsapp-webhook-payloads';

describe('parseWhatsAppWebhook', () => {
  it('reads a text message', () => {
    const { inbound, statuses, problems } = parseWhatsAppWebhook(payloads.textMessage);
    expect(problems).toEqual([]);
    expect(statuses).toEqual([]);
    expect(inbound).toEqual([
      {
        messageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        from: '+16505551234',
        phoneNumberId: '106540352242922',
        displayPhoneNumber: '15550783881',
        contactName: 'Sheena Nelson',
        timestamp: new Date(1749416383 * 1000),
        type: 'text',
        text: 'Does it come in another color?',
        raw: expect.objectContaining({ type: 'text' }) as unknown,
      },
    ]);
  });

  it('accepts a sender written with a leading + (as some gateways write it), normalised to E.164', () => {
    const body = payloads.envelope({
      contacts: [{ wa_id: '16505551234', profile: { name: 'Sheena Nelson' } }],
      messages: [{ from: '+16505551234', id: 'wamid.plus', timestamp: '1744344500', type: 'text', text: { body: 'Help' } }],
    });
    const { inbound, problems } = parseWhatsAppWebhook(body);
    expect(problems).toEqual([]);
    expect(inbound).toMatchObject([{ messageId: 'wamid.plus', from: '+16505551234', contactName: 'Sheena Nelson', text: 'Help' }]);
  });

  it('reads a template quick-reply button, with its payload and the message it answers', () => {
    const [message] = parseWhatsAppWebhook(payloads.templateButtonReply).inbound;
    expect(message).toMatchObject({
      type: 'button',
      text: 'Yes, confirm',
      buttonPayload: 'CONFIRM',
      context: { messageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI0QjRBNzNENDg5QjBGQkI2RTQA', from: '+15550783881' },
    });
  });

  it('reads interactive list and button replies', () => {
    expect(parseWhatsAppWebhook(payloads.interactiveListReply).inbound[0]).toMatchObject({
      type: 'interactive',
      interactiveType: 'list_reply',
      text: 'Express Shipping',
      buttonPayload: 'priority_express',
      context: { messageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBJBQTc1QzA0QzFBOTA0QjdERTAA' },
    });
    expect(parseWhatsAppWebhook(payloads.interactiveButtonReply).inbound[0]).toMatchObject({ interactiveType: 'button_reply', text: 'YES', buttonPayload: 'reply_yes' });
  });

  it('reads an image with its caption as text', () => {
    expect(parseWhatsAppWebhook(payloads.imageWithCaption).inbound[0]).toMatchObject({
      type: 'image',
      text: 'This is what it looks like',
      media: { id: '1003383421387256', mimeType: 'image/jpeg', sha256: 'SfInY0gGcwcNqSHjqCp5eTWq5C8TLQ0WnU9I0J5F4dE=', caption: 'This is what it looks like' },
    });
  });

  it('reads a location', () => {
    const [message] = parseWhatsAppWebhook(payloads.location).inbound;
    expect(message.text).toBeUndefined();
    expect(message.location).toEqual({ latitude: 37.483307, longitude: -122.148981, name: 'Main Office', address: '1 Hacker Way, Menlo Park, CA 94025', url: 'https://www.facebook.com' });
  });

  it('reads unsupported messages with their errors, and reactions', () => {
    expect(parseWhatsAppWebhook(payloads.unsupported).inbound[0]).toMatchObject({
      type: 'unsupported',
      errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', details: 'Message type is currently not supported.' }],
    });
    expect(parseWhatsAppWebhook(payloads.reaction).inbound[0]).toMatchObject({ type: 'reaction', reaction: { messageId: 'wamid.reacted-to', emoji: '😀' } });
  });

  it('calls message types it does not know "unknown" and keeps the raw message', () => {
    const body = payloads.envelope({ messages: [{ from: '16505551234', id: 'wamid.new', timestamp: '1744344500', type: 'hologram', hologram: { id: '1' } }] });
    const [message] = parseWhatsAppWebhook(body).inbound;
    expect(message).toMatchObject({ type: 'unknown', raw: { type: 'hologram' } });
    expect(message.contactName).toBeUndefined();
  });

  it('reads sent, delivered, read and failed statuses', () => {
    const { statuses, inbound, problems } = parseWhatsAppWebhook(payloads.statuses);
    expect(problems).toEqual([]);
    expect(inbound).toEqual([]);
    expect(statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read', 'failed']);
    expect(statuses[0]).toEqual({
      providerMessageId: 'wamid.sent-one',
      status: 'sent',
      timestamp: new Date(1750263773 * 1000),
      recipient: '+16505551234',
      phoneNumberId: '106540352242922',
      errors: [],
      conversation: { id: '6ceb9d929c6b7d2fe5fa4ca8c4bb4d43', originType: 'marketing', expiresAt: new Date(1750350173 * 1000) },
      pricing: { billable: true, pricingModel: 'PMP', category: 'marketing' },
    });
    expect(statuses[3]).toMatchObject({
      providerMessageId: 'wamid.failed-one',
      status: 'failed',
      errors: [
        {
          code: 131049,
          title: 'This message was not delivered to maintain healthy ecosystem engagement.',
          details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
        },
      ],
    });
  });

  it('reads several entries and changes in one body, template status changes alongside messages and statuses, passing over other fields', () => {
    const text = payloads.textMessage as { entry: Array<{ changes: object[] }> };
    const status = payloads.statuses as { entry: Array<{ changes: object[] }> };
    const rejected = payloads.templateRejected as { entry: Array<{ changes: object[] }> };
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          time: 1750000000,
          changes: [
            ...text.entry[0].changes,
            { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 1, message_template_name: 'welcome', message_template_language: 'de' } },
            { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
          ],
        },
        { id: '2', changes: [...status.entry[0].changes, ...text.entry[0].changes, ...rejected.entry[0].changes] },
      ],
    };
    const { inbound, statuses, templateStatuses, problems } = parseWhatsAppWebhook(body);
    expect(problems).toEqual([]);
    expect(inbound).toHaveLength(2);
    expect(statuses).toHaveLength(4);
    expect(templateStatuses).toEqual([
      { businessAccountId: '102290129340398', event: 'APPROVED', templateId: '1', name: 'welcome', language: 'de', occurredAt: new Date(1750000000 * 1000) },
      expect.objectContaining({ businessAccountId: '2', event: 'REJECTED', name: 'abandoned_cart' }) as unknown,
    ]);
    // Messages and statuses know nothing of templates, nor the other way round.
    expect(parseWhatsAppWebhook(payloads.textMessage).templateStatuses).toEqual([]);
    expect(parseWhatsAppWebhook(payloads.templateApproved)).toMatchObject({ inbound: [], statuses: [], problems: [] });
  });

  it("reads a template approval as Meta's reference shows it", () => {
    expect(parseWhatsAppWebhook(payloads.templateApproved).templateStatuses).toEqual([
      {
        businessAccountId: '102290129340398',
        event: 'APPROVED',
        templateId: '1689556908129832',
        name: 'order_confirmation',
        language: 'en_US',
        occurredAt: new Date(1739321024 * 1000),
      },
    ]);
  });

  it("reads a rejection with Meta's reason and details, and a pause with its explanation", () => {
    expect(parseWhatsAppWebhook(payloads.templateRejected).templateStatuses).toEqual([
      {
        businessAccountId: '102290129340398',
        event: 'REJECTED',
        templateId: '1689556908129835',
        name: 'abandoned_cart',
        language: 'en',
        reason: 'INVALID_FORMAT',
        rejectionInfo: {
          reason: 'Variable parameters are missing or have mismatched curly braces.',
          recommendation: 'Make sure each variable looks like {{1}} and has a sample.',
        },
        occurredAt: new Date(1739321024 * 1000),
      },
    ]);
    // Ids and time as strings, and the language spelt en-US, as some deliveries have them.
    expect(parseWhatsAppWebhook(payloads.templatePaused).templateStatuses).toEqual([
      {
        businessAccountId: '102290129340398',
        event: 'PAUSED',
        templateId: '1689556908129836',
        name: 'promo_offer',
        language: 'en_US',
        otherInfo: { title: 'FIRST_PAUSE', description: 'Your WhatsApp message template has been paused for 3 hours until Jun 19 at 7:00 PM UTC because it had issues.' },
        occurredAt: new Date(1750356000 * 1000),
      },
    ]);
  });

  it('skips template changes it cannot read or whose event it does not know, saying why', () => {
    const change = (value: unknown, id: unknown = '102290129340398') => ({ object: 'whatsapp_business_account', entry: [{ id, changes: [{ field: 'message_template_status_update', value }] }] });
    const template = { message_template_name: 'promo_offer', message_template_language: 'en' };
    const skipped = (body: object) => {
      const { templateStatuses, problems } = parseWhatsAppWebhook(body);
      expect(templateStatuses).toEqual([]);
      return problems;
    };
    expect(skipped(change({ ...template, event: 'TELEPORTED' }))).toEqual([
      'entry[0].changes[0]: event "TELEPORTED" of template promo_offer (en) is not a template event this version knows',
    ]);
    expect(skipped(change(template))).toEqual(['entry[0].changes[0]: no event for template promo_offer (en)']);
    expect(skipped(change({ event: 'APPROVED', message_template_language: 'en' }))).toEqual(['entry[0].changes[0]: no message_template_name']);
    expect(skipped(change({ event: 'APPROVED', message_template_name: 'promo_offer' }))).toEqual(['entry[0].changes[0]: no message_template_language for template promo_offer']);
    expect(skipped(change({ ...template, event: 'APPROVED' }, 'waba'))).toEqual(['entry[0].changes[0]: entry id "waba" is not a WhatsApp Business Account id']);
    const withoutId = { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'message_template_status_update', value: { ...template, event: 'APPROVED' } }] }] };
    expect(skipped(withoutId)).toEqual(['entry[0].changes[0]: the entry has no id (the WhatsApp Business Account id)']);
    expect(skipped(change('APPROVED'))).toEqual(['entry[0].changes[0]: no value']);
    // A template id or time Meta did not send (or sent malformed) is simply left out.
    expect(parseWhatsAppWebhook(change({ ...template, event: 'DISABLED', message_template_id: 'x', reason: null })).templateStatuses).toEqual([
      { businessAccountId: '102290129340398', event: 'DISABLED', name: 'promo_offer', language: 'en' },
    ]);
  });

  it("reads Meta's template category changes, and skips one without a known category", () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          time: 1744344500,
          changes: [
            { field: 'template_category_update', value: { message_template_id: 12345, message_template_name: 'order_update', message_template_language: 'en-US', previous_category: 'UTILITY', new_category: 'MARKETING' } },
            { field: 'template_category_update', value: { message_template_name: 'odd', message_template_language: 'en', new_category: 'PROMO' } },
          ],
        },
      ],
    };
    const { templateCategories, problems } = parseWhatsAppWebhook(body);
    expect(templateCategories).toEqual([
      { businessAccountId: '102290129340398', templateId: '12345', name: 'order_update', language: 'en_US', previousCategory: 'utility', newCategory: 'marketing' },
    ]);
    expect(problems).toEqual(['entry[0].changes[1]: new_category "PROMO" of template odd (en) is not marketing, utility or authentication']);
  });

  it('never throws on garbage, and says what it skipped', () => {
    for (const garbage of [null, undefined, 42, 'text', [], {}, { object: 'page', entry: [] }, { object: 'whatsapp_business_account' }]) {
      const result = parseWhatsAppWebhook(garbage);
      expect(result.inbound).toEqual([]);
      expect(result.statuses).toEqual([]);
      expect(result.templateStatuses).toEqual([]);
      expect(result.problems.length).toBeGreaterThan(0);
    }
    const body = payloads.envelope({
      messages: [
        null,
        { id: 'wamid.no-from', timestamp: '1', type: 'text' },
        { from: '16505551234', id: 'wamid.bad-time', timestamp: 'yesterday', type: 'text' },
        { from: '+1 650', id: 'wamid.bad-from', timestamp: '1744344500', type: 'text' },
        { from: '16505551234', timestamp: '1744344500', type: 'text' },
        { from: '16505551234', id: 'wamid.ok', timestamp: '1744344500', type: 'text', text: 'not an object' },
      ],
      statuses: [{ id: 'wamid.x', status: 'exploded', timestamp: '1', recipient_id: '1' }, { status: 'read' }, 'nope'],
      errors: [{ code: 131000, title: 'Something went wrong' }],
    });
    const result = parseWhatsAppWebhook(body);
    expect(result.inbound.map((message) => message.messageId)).toEqual(['wamid.ok']);
    expect(result.inbound[0].text).toBeUndefined();
    expect(result.statuses).toEqual([]);
    expect(result.problems).toHaveLength(9);
    expect(result.problems[1]).toBe('entry[0].changes[0].value.messages[1]: no sender');
    expect(result.problems[0]).toBe('entry[0].changes[0].value.messages[0]: not an object');
    expect(result.problems).toContain('entry[0].changes[0].value.messages[2]: timestamp "yesterday" is not unix seconds');
    expect(result.problems).toContain('entry[0].changes[0].value reports error 131000 (Something went wrong)');
    expect(parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: [] } }] }] }).problems).toEqual([
      'entry[0].changes[0].value has no metadata.phone_number_id',
    ]);
  });
});

describe('WhatsApp webhook events', () => {
  it('turns an inbound reply into PW_WhatsAppReceived with what quick-reply branches match', () => {
    const [message] = parseWhatsAppWebhook(payloads.templateButtonReply).inbound;
    expect(whatsAppReceivedEvent(message)).toEqual({
      name: 'PW_WhatsAppReceived',
      phone: '+16505551234',
      occurredAt: new Date(1750032243 * 1000),
      attributes: {
        messageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQUI3QjkzQkE0NkVGM0ZBRkYyMAA=',
        from: '+16505551234',
        type: 'button',
        phoneNumberId: '106540352242922',
        text: 'Yes, confirm',
        buttonPayload: 'CONFIRM',
        contactName: 'Sheena Nelson',
        replyToMessageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI0QjRBNzNENDg5QjBGQkI2RTQA',
      },
    });
  });

  it('turns sent, delivered, read and failed statuses into events', () => {
    const events = parseWhatsAppWebhook(payloads.statuses).statuses.map(whatsAppStatusEvent);
    expect(events.map((event) => event?.name)).toEqual(['PW_WhatsAppSent', 'PW_WhatsAppDelivered', 'PW_WhatsAppRead', 'PW_WhatsAppFailed']);
    expect(events[3]!.attributes).toEqual({
      providerMessageId: 'wamid.failed-one',
      status: 'failed',
      errorCode: 131049,
      errorTitle: 'This message was not delivered to maintain healthy ecosystem engagement.',
      errorReason: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
    });
  });
});
