import { type Channel } from '@engine/journey';

/** Queues of the engine. Sends have one queue per channel so each gets its own rate limit. */
export const QUEUES = {
  /** Step users through journeys for their stored, unprocessed events (one job per ingested batch). */
  events: 'events',
  /** Due timers of waiting instances. */
  timers: 'timers',
  /** Enter users through entry.api / entry.segment nodes. */
  entries: 'entries',
  /** Segment launches of `entry.segment` journeys (at publish, and on their schedule). */
  segments: 'segments',
  sendPush: 'send-push',
  sendEmail: 'send-email',
  sendWhatsApp: 'send-whatsapp',
  sendSms: 'send-sms',
  sendWebhook: 'send-webhook',
} as const;

export const SEND_QUEUE_BY_CHANNEL: Record<Channel, string> = {
  push: QUEUES.sendPush,
  email: QUEUES.sendEmail,
  whatsapp: QUEUES.sendWhatsApp,
  sms: QUEUES.sendSms,
  webhook: QUEUES.sendWebhook,
};

export const ALL_QUEUES: string[] = Object.values(QUEUES);

/**
 * What the engine adds to any job's data: how many tries so far found the database unreachable
 * (see `delayWhileUnreachable`), so the wait before the next try grows.
 */
export interface UnreachableTries {
  unreachableTries?: number;
}

export interface ProcessEventsJob extends UnreachableTries {
  userIds: string[];
}

export interface OutboxJob extends UnreachableTries {
  outboxId: string;
}

export interface EnterUsersJob extends UnreachableTries {
  journeyId: string;
  entryNodeId: string;
  userIds: string[];
  attributes: Record<string, unknown>;
}
