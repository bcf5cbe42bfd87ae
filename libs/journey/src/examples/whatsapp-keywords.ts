import { type JourneyGraph } from '../format/journey-graph';

/**
 * WhatsApp keyword auto-replies: every inbound message enters; "help" gets the support template,
 * "promo" the offer template, anything else leaves. One entry and two condition branches keep
 * the canvas readable and each keyword's statistics on its own node.
 */
export const whatsappKeywordJourney: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    {
      id: 'entry',
      type: 'entry.event',
      label: 'WhatsApp message received',
      position: { x: 0, y: 0 },
      data: { event: 'PW_WhatsAppReceived' },
    },
    {
      id: 'is-help',
      type: 'branch.condition',
      label: 'Asked for help?',
      position: { x: 250, y: 0 },
      data: { condition: { field: 'event.text', op: 'matches', value: 'help' } },
    },
    {
      id: 'help-reply',
      type: 'send.whatsapp',
      label: 'Support reply',
      position: { x: 500, y: -150 },
      data: { mode: 'template', template: { name: 'support_help', language: 'en' } },
    },
    {
      id: 'exit-help',
      type: 'exit',
      label: 'Helped',
      position: { x: 750, y: -150 },
      data: {},
    },
    {
      id: 'is-promo',
      type: 'branch.condition',
      label: 'Asked for the promo?',
      position: { x: 500, y: 0 },
      data: { condition: { field: 'event.text', op: 'matches', value: 'promo' } },
    },
    {
      id: 'promo-reply',
      type: 'send.whatsapp',
      label: 'Promo reply',
      position: { x: 750, y: 0 },
      data: {
        mode: 'template',
        template: { name: 'promo_offer', language: 'en', bodyParameters: ['{{tags.first_name|there}}'] },
      },
    },
    {
      id: 'exit-promo',
      type: 'exit',
      label: 'Sent the promo',
      position: { x: 1000, y: 0 },
      data: {},
    },
    {
      id: 'exit-other',
      type: 'exit',
      label: 'Other message',
      position: { x: 750, y: 150 },
      data: {},
    },
  ],
  edges: [
    { id: 'entry-is-help', source: 'entry', sourceHandle: 'next', target: 'is-help' },
    { id: 'is-help-yes', source: 'is-help', sourceHandle: 'yes', target: 'help-reply' },
    { id: 'is-help-no', source: 'is-help', sourceHandle: 'no', target: 'is-promo' },
    { id: 'help-reply-exit', source: 'help-reply', sourceHandle: 'next', target: 'exit-help' },
    { id: 'is-promo-yes', source: 'is-promo', sourceHandle: 'yes', target: 'promo-reply' },
    { id: 'is-promo-no', source: 'is-promo', sourceHandle: 'no', target: 'exit-other' },
    { id: 'promo-reply-exit', source: 'promo-reply', sourceHandle: 'next', target: 'exit-promo' },
  ],
  settings: {
    goals: [],
    reentry: { mode: 'always' },
    throttling: [],
  },
};
