import { type Channel } from '@engine/journey';

/** A message ready to go out: rendered content and where it goes. */
export interface OutgoingMessage {
  messageId: string;
  projectId: string;
  channel: Channel;
  idempotencyKey: string;
  content: Record<string, unknown>;
  to: { email?: string; phone?: string; pushTokens?: Array<{ token: string; platform: string }> };
}

/** A provider error that a later attempt may not repeat (rate limit, timeout, 5xx). */
export class RetryableSendError extends Error {}
/** A provider error no retry will fix (invalid number, template rejected). */
export class FinalSendError extends Error {}

export interface ChannelProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export const CHANNEL_PROVIDERS = Symbol('CHANNEL_PROVIDERS');
