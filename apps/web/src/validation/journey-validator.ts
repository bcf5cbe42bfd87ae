// The validator of @engine/journey and its WhatsApp template checks: the same ones the API runs before publishing.
export {
  ENGAGEMENT_METRICS_BY_CHANNEL,
  type JourneyProblem,
  type JourneyValidationResult,
  type RegisteredWhatsAppTemplate,
  validateJourney,
  whatsAppTemplateProblems,
} from '@engine/journey';
