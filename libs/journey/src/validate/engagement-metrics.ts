import { type EngagementMetric } from '../format/journey-graph';
import { type UserChannel } from '../format/node-types';

/**
 * What an engagement check can ask of each channel: what its delivery receipts can prove.
 * Push only reports opens; email opens and clicks; WhatsApp deliveries and reads. SMS providers
 * report nothing back yet, so an SMS check could only ever answer "no": it is not offered.
 */
export const ENGAGEMENT_METRICS_BY_CHANNEL: Record<UserChannel, readonly EngagementMetric[]> = {
  push: ['opened'],
  email: ['opened', 'clicked'],
  whatsapp: ['delivered', 'read'],
  sms: [],
};
