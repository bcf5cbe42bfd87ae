// The validator of @engine/journey: the same one the API runs before publishing.
export { ENGAGEMENT_METRICS_BY_CHANNEL, type JourneyProblem, type JourneyValidationResult, validateJourney } from '@engine/journey';
