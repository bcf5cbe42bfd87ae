import { type WhatsAppTemplateCategory } from '@engine/persistence';
import { type WhatsAppTemplateComponent } from '../whatsapp/whatsapp-template-components';

export interface DemoWhatsAppTemplate {
  name: string;
  language: string;
  category: WhatsAppTemplateCategory;
  components: WhatsAppTemplateComponent[];
}

/**
 * The templates the example journeys send (libs/journey/src/examples), registered as approved in
 * the demo project so its journeys can be published. Their placeholders match the nodes' parameters.
 */
export const DEMO_WHATSAPP_TEMPLATES: readonly DemoWhatsAppTemplate[] = [
  {
    name: 'support_help',
    language: 'en',
    category: 'utility',
    components: [
      { type: 'BODY', text: 'Thanks for reaching out! Reply with your question and our support team will answer here within one business day.' },
      { type: 'FOOTER', text: 'Example Shop support' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Help center', url: 'https://shop.example.com/help' }] },
    ],
  },
  {
    name: 'promo_offer',
    language: 'en',
    category: 'marketing',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Your promo is here' },
      { type: 'BODY', text: 'Hi {{1}}, here is 20% off everything today with the code PROMO20.', example: { body_text: [['Anna']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop now', url: 'https://shop.example.com/promo' }] },
    ],
  },
];
