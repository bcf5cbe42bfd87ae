import { apiRequest } from './api-client';

/** A component of an approved WhatsApp template, as the WhatsApp Cloud API describes it. */
export interface WhatsAppTemplateComponent {
  type: string;
  format?: string;
  text?: string;
  buttons?: Array<{ type: string; text?: string }>;
}

/** A registered template (GET /api/v1/whatsapp/templates); only `approved` ones can be published. */
export interface WhatsAppTemplate {
  id?: string;
  name: string;
  language: string;
  category?: string;
  /** `approved`, `pending`, `rejected`, `paused`, `disabled`, `deleted` (kept in step by Meta's webhooks). */
  status: string;
  /** Meta's reason for a rejection, pause or disable. */
  statusReason?: string | null;
  components: WhatsAppTemplateComponent[];
}

export const whatsAppTemplatesApi = {
  list: (): Promise<WhatsAppTemplate[] | { templates: WhatsAppTemplate[] }> => apiRequest('GET', '/api/v1/whatsapp/templates'),
};
