import { type Channel } from '@engine/journey';

/**
 * What a provider needs to track an email: links the API serves (`/t/o/…`, `/t/c/…`, `/t/u/…`)
 * built from signed tokens (see `buildMessageTracking`). All optional: without them the email
 * goes out untracked and without List-Unsubscribe headers.
 */
export interface MessageTracking {
  /** Every tracking link starts with this; links already under it are never rewritten. */
  baseUrl?: string;
  /** A 1x1 pixel loaded when the email is opened. */
  openUrl?: string;
  /** The redirect link that stands for `originalUrl` in the email. */
  clickUrl?: (originalUrl: string) => string;
  /** One-click unsubscribe (RFC 8058): List-Unsubscribe header and the `{{unsubscribe_url}}` placeholder. */
  unsubscribeUrl?: string;
  /** Optional `mailto:` alternative in List-Unsubscribe, for clients that only mail. */
  unsubscribeMailto?: string;
}

/**
 * The placeholder names of a WhatsApp template created with named parameters (`{{first_name}}`),
 * one per header/body value in the same order. Empty lists for positional templates (`{{1}}`).
 */
export interface TemplateParameterNames {
  header: readonly string[];
  body: readonly string[];
}

/** A message ready to go out: rendered content and where it goes. */
export interface OutgoingMessage {
  messageId: string;
  projectId: string;
  channel: Channel;
  idempotencyKey: string;
  /** The send node's data with placeholders rendered (SendPushData, SendEmailData, …). */
  content: Record<string, unknown>;
  to: { email?: string; phone?: string; pushTokens?: Array<{ token: string; platform: string }> };
  /** Who the message is for; the webhook's default body carries it. */
  user?: { id: string; externalId?: string };
  /** Email tracking links; ignored by other channels. */
  tracking?: MessageTracking;
  /** Set for WhatsApp templates with named parameters, which Meta wants sent with their names; ignored by other channels. */
  templateParameterNames?: TemplateParameterNames;
}

/** What a provider answers for a message it handed over. */
export interface SendResult {
  providerMessageId: string;
  /** Push tokens the push service says will never work again: remove them from the user. */
  deadTokens?: string[];
}

export interface SendErrorDetails {
  /** The provider's own error code (Meta `131047`, FCM `QUOTA_EXCEEDED`, SMTP `550`...). */
  code?: string;
  /** When the provider asked us to come back (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** Dead push tokens learnt on the way, to remove even though the send failed. */
  deadTokens?: string[];
}

/** A provider error that a later attempt may not repeat (rate limit, timeout, 5xx, network). */
export class RetryableSendError extends Error {
  override readonly name = 'RetryableSendError';
  readonly code?: string;
  readonly retryAfterMs?: number;
  readonly deadTokens: string[];

  constructor(message: string, details: SendErrorDetails = {}) {
    super(message);
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.deadTokens = details.deadTokens ?? [];
  }
}

/** A provider error no retry will fix (invalid number, template rejected, bad credentials). */
export class FinalSendError extends Error {
  override readonly name = 'FinalSendError';
  readonly code?: string;
  readonly deadTokens: string[];

  constructor(message: string, details: Omit<SendErrorDetails, 'retryAfterMs'> = {}) {
    super(message);
    this.code = details.code;
    this.deadTokens = details.deadTokens ?? [];
  }
}

export interface ChannelProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Releases pooled connections (SMTP); providers without any omit it. */
  close?(): Promise<void>;
}

export const CHANNEL_PROVIDERS = Symbol('CHANNEL_PROVIDERS');
