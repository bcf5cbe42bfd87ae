import { type JourneyGraph } from '../format/journey-graph';

/**
 * Omnichannel fallback: a user who writes "promo" on WhatsApp gets a push; if it is not opened
 * within 4 hours, an email; if that is not opened within 4 hours either, a WhatsApp template.
 * Embedded in libs/journey/README.md; a spec keeps the two in sync.
 */
export const omnichannelFallbackJourney: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    {
      id: 'entry',
      type: 'entry.event',
      label: 'Wrote "promo" on WhatsApp',
      position: { x: 0, y: 0 },
      data: { event: 'PW_WhatsAppReceived', where: { field: 'event.text', op: 'matches', value: 'promo' } },
    },
    {
      id: 'push',
      type: 'send.push',
      label: 'Promo push',
      position: { x: 250, y: 0 },
      data: {
        title: 'Your promo is here',
        body: 'Hi {{tags.first_name|there}}, open the app for 20% off today.',
        link: 'https://shop.example.com/promo',
      },
    },
    {
      id: 'push-opened',
      type: 'branch.engagement',
      label: 'Push opened?',
      position: { x: 500, y: 0 },
      data: { sendNodeId: 'push', metric: 'opened', window: '4h' },
    },
    {
      id: 'exit-push',
      type: 'exit',
      label: 'Opened the push',
      position: { x: 750, y: -150 },
      data: {},
    },
    {
      id: 'email',
      type: 'send.email',
      label: 'Promo email',
      position: { x: 750, y: 0 },
      data: {
        subject: '{{tags.first_name|Hello}}, your 20% promo',
        html: '<p>Hi {{tags.first_name|there}},</p><p>Here is 20% off: <a href="https://shop.example.com/promo">shop now</a>.</p>',
        fromName: 'Example Shop',
        preheader: 'Today only',
      },
    },
    {
      id: 'email-opened',
      type: 'branch.engagement',
      label: 'Email opened?',
      position: { x: 1000, y: 0 },
      data: { sendNodeId: 'email', metric: 'opened', window: '4h' },
    },
    {
      id: 'exit-email',
      type: 'exit',
      label: 'Opened the email',
      position: { x: 1250, y: -150 },
      data: {},
    },
    {
      id: 'whatsapp',
      type: 'send.whatsapp',
      label: 'Promo on WhatsApp',
      position: { x: 1250, y: 0 },
      data: {
        mode: 'template',
        template: { name: 'promo_offer', language: 'en', bodyParameters: ['{{tags.first_name|there}}'] },
      },
    },
    {
      id: 'exit-whatsapp',
      type: 'exit',
      label: 'Reached on WhatsApp',
      position: { x: 1500, y: 0 },
      data: {},
    },
  ],
  edges: [
    { id: 'entry-push', source: 'entry', sourceHandle: 'next', target: 'push' },
    { id: 'push-push-opened', source: 'push', sourceHandle: 'next', target: 'push-opened' },
    { id: 'push-opened-yes', source: 'push-opened', sourceHandle: 'yes', target: 'exit-push' },
    { id: 'push-opened-no', source: 'push-opened', sourceHandle: 'no', target: 'email' },
    { id: 'email-email-opened', source: 'email', sourceHandle: 'next', target: 'email-opened' },
    { id: 'email-opened-yes', source: 'email-opened', sourceHandle: 'yes', target: 'exit-email' },
    { id: 'email-opened-no', source: 'email-opened', sourceHandle: 'no', target: 'whatsapp' },
    { id: 'whatsapp-exit', source: 'whatsapp', sourceHandle: 'next', target: 'exit-whatsapp' },
  ],
  settings: {
    goals: [{ id: 'purchase', name: 'Purchase', event: 'Purchase', period: '7d', endsJourney: true }],
    reentry: { mode: 'cooldown', cooldown: '7d' },
    silentHours: {
      channels: ['push', 'whatsapp'],
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '08:00' }],
      fallbackTimeZone: 'Europe/Berlin',
    },
    throttling: [],
  },
};
