// Webhook bodies in the shapes of Meta's Cloud API webhook reference (ids and numbers are examples).

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const contacts = [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }];

export function envelope(value: object, field = 'messages'): object {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ value: { messaging_product: 'whatsapp', metadata, ...value }, field }] }],
  };
}

export const textMessage = envelope({
  contacts,
  messages: [{ from: '16505551234', id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=', timestamp: '1749416383', type: 'text', text: { body: 'Does it come in another color?' } }],
});

export const templateButtonReply = envelope({
  contacts,
  messages: [
    {
      context: { from: '15550783881', id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI0QjRBNzNENDg5QjBGQkI2RTQA' },
      from: '16505551234',
      id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQUI3QjkzQkE0NkVGM0ZBRkYyMAA=',
      timestamp: '1750032243',
      type: 'button',
      button: { payload: 'CONFIRM', text: 'Yes, confirm' },
    },
  ],
});

export const interactiveListReply = envelope({
  contacts,
  messages: [
    {
      context: { from: '15550783881', id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBJBQTc1QzA0QzFBOTA0QjdERTAA' },
      from: '16505551234',
      id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTQ3M0E4ODJBN0U5NTI5MzgwNQA=',
      timestamp: '1750025136',
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'priority_express', title: 'Express Shipping', description: 'Next day to 2 days' } },
    },
  ],
});

export const interactiveButtonReply = envelope({
  contacts,
  messages: [
    {
      context: { from: '15550783881', id: 'wamid.ctx' },
      from: '16505551234',
      id: 'wamid.button-reply',
      timestamp: '1750025137',
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'reply_yes', title: 'YES' } },
    },
  ],
});

export const imageWithCaption = envelope({
  contacts,
  messages: [
    {
      from: '16505551234',
      id: 'wamid.image',
      timestamp: '1744344496',
      type: 'image',
      image: { caption: 'This is what it looks like', mime_type: 'image/jpeg', sha256: 'SfInY0gGcwcNqSHjqCp5eTWq5C8TLQ0WnU9I0J5F4dE=', id: '1003383421387256' },
    },
  ],
});

export const location = envelope({
  contacts,
  messages: [
    {
      from: '16505551234',
      id: 'wamid.location',
      timestamp: '1744344497',
      type: 'location',
      location: { address: '1 Hacker Way, Menlo Park, CA 94025', latitude: 37.483307, longitude: -122.148981, name: 'Main Office', url: 'https://www.facebook.com' },
    },
  ],
});

export const unsupported = envelope({
  contacts,
  messages: [
    {
      from: '16505551234',
      id: 'wamid.unsupported',
      timestamp: '1744344498',
      errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
      type: 'unsupported',
    },
  ],
});

export const reaction = envelope({
  contacts,
  messages: [{ from: '16505551234', id: 'wamid.reaction', timestamp: '1744344499', type: 'reaction', reaction: { message_id: 'wamid.reacted-to', emoji: '\uD83D\uDE00' } }],
});

export const statuses = envelope({
  statuses: [
    {
      id: 'wamid.sent-one',
      status: 'sent',
      timestamp: '1750263773',
      recipient_id: '16505551234',
      conversation: { id: '6ceb9d929c6b7d2fe5fa4ca8c4bb4d43', expiration_timestamp: '1750350173', origin: { type: 'marketing' } },
      pricing: { billable: true, pricing_model: 'PMP', category: 'marketing' },
    },
    { id: 'wamid.sent-one', status: 'delivered', timestamp: '1750263774', recipient_id: '16505551234' },
    { id: 'wamid.sent-one', status: 'read', timestamp: '1750263780', recipient_id: '16505551234' },
    {
      id: 'wamid.failed-one',
      status: 'failed',
      timestamp: '1750263781',
      recipient_id: '16505551234',
      errors: [
        {
          code: 131049,
          title: 'This message was not delivered to maintain healthy ecosystem engagement.',
          message: 'This message was not delivered to maintain healthy ecosystem engagement.',
          error_data: { details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ],
    },
  ],
});

/** A `message_template_status_update` body: the entry's id is the WhatsApp Business Account, `time` when Meta triggered it. */
export function templateStatus(value: object, time: number | string = 1739321024): object {
  return { object: 'whatsapp_business_account', entry: [{ id: '102290129340398', time, changes: [{ value, field: 'message_template_status_update' }] }] };
}

export const templateApproved = templateStatus({
  event: 'APPROVED',
  message_template_id: 1689556908129832,
  message_template_name: 'order_confirmation',
  message_template_language: 'en_US',
  reason: 'NONE',
  message_template_category: 'UTILITY',
});

export const templateRejected = templateStatus({
  event: 'REJECTED',
  message_template_id: 1689556908129835,
  message_template_name: 'abandoned_cart',
  message_template_language: 'en',
  reason: 'INVALID_FORMAT',
  message_template_category: 'MARKETING',
  rejection_info: {
    reason: 'Variable parameters are missing or have mismatched curly braces.',
    recommendation: 'Make sure each variable looks like {{1}} and has a sample.',
  },
});

export const templatePaused = templateStatus(
  {
    event: 'PAUSED',
    message_template_id: '1689556908129836',
    message_template_name: 'promo_offer',
    message_template_language: 'en-US',
    reason: 'NONE',
    other_info: { title: 'FIRST_PAUSE', description: 'Your WhatsApp message template has been paused for 3 hours until Jun 19 at 7:00 PM UTC because it had issues.' },
  },
  '1750356000',
);
