import { ENDED_WHILE_HELD } from '@engine/journey';
import { type MessageStatus, type MessageStatusChange, type OutboxStatus } from '@engine/persistence';
import { sendRetryDelayMs } from '../send/send-retry-delay';

/** Where a send stands, in one word. */
export type SendState = 'held' | 'queued' | 'sending' | 'retrying' | 'unknown' | 'sent' | 'suppressed' | 'failed' | 'cancelled';

/** Why a message was not (yet) sent, as a category a page can filter or badge on. */
export type NotSentCause =
  | 'silent-hours'
  | 'throttle'
  | 'frequency-cap'
  | 'opted-out'
  | 'no-address'
  | 'whatsapp-window'
  | 'provider-error'
  | 'journey-ended'
  | 'other';

/** A send explained: where it stands and, when it did not go out (yet), why in plain words. */
export interface SendExplanation {
  state: SendState;
  cause?: NotSentCause;
  /** A sentence for people; absent for a message that went out. */
  reason?: string;
}

/** What is known about one send: its outbox row (asked for by a step) and its message (once claimed). */
export interface SendFacts {
  outbox?: { status: OutboxStatus; dueAt: Date };
  message?: { status: MessageStatus; error: string | null; statusHistory: readonly MessageStatusChange[] };
  /** The user's time zone (silent hours are in it); UTC when unknown. */
  timeZone: string | null;
  now: number;
}

/**
 * "Why was this not sent?": turns what the outbox and the message row say about a send into its
 * state and a reason in words. Pure; the reasons come from the send policy (`decideSend` records
 * them in `messages.error`), the provider (Meta's code, title and details) and the outbox (a send
 * due later is held by silent hours).
 */
export function explainSend(facts: SendFacts): SendExplanation {
  const { message, outbox } = facts;
  if (message) return explainMessage(message);
  if (outbox?.status === 'cancelled') return { state: 'cancelled', cause: 'journey-ended', reason: `${ENDED_WHILE_HELD}.` };
  if (outbox?.status === 'pending') {
    if (outbox.dueAt.getTime() > facts.now) {
      return {
        state: 'held',
        cause: 'silent-hours',
        reason: `Held for silent hours until ${localTime(outbox.dueAt, facts.timeZone, facts.now)} in the user's time zone${facts.timeZone ? ` (${facts.timeZone})` : ' (UTC: none is known)'}.`,
      };
    }
    return { state: 'queued', cause: 'throttle', reason: "Due and waiting for its turn: the journey's throttle or the channel's rate limit holds it." };
  }
  if (outbox?.status === 'failed') return { state: 'failed', cause: 'other', reason: 'The send could not be carried out.' };
  return { state: 'queued' };
}

function explainMessage(message: NonNullable<SendFacts['message']>): SendExplanation {
  const error = message.error ?? lastDetail(message.statusHistory) ?? undefined;
  switch (message.status) {
    case 'queued':
      return { state: 'sending' };
    case 'retrying': {
      const attempts = message.statusHistory.filter((change) => change.status === 'retrying');
      const last = attempts.at(-1);
      // The send workers' backoff; a provider's Retry-After can make it later still.
      const next = last === undefined ? undefined : new Date(new Date(last.at).getTime() + sendRetryDelayMs(attempts.length, undefined)).toISOString();
      return {
        state: 'retrying',
        cause: 'provider-error',
        reason: `Attempt ${attempts.length} failed${last ? ` at ${last.at}` : ''}${error ? `: ${error}` : ''}; tried again${next ? ` from ${next}` : ''}.`,
      };
    }
    case 'unknown':
      return {
        state: 'unknown',
        cause: 'other',
        reason: 'Outcome unknown: the send was cut off between the provider call and recording its answer; it is never sent again and may well have reached the user.',
      };
    case 'suppressed':
    case 'failed': {
      const cause = causeOf(error);
      return { state: message.status, cause, reason: sentence(cause, error, message.status) };
    }
    default:
      return { state: 'sent' };
  }
}

/** The category of a recorded reason (the send policy's and the engine's own wordings). */
function causeOf(error: string | undefined): NotSentCause {
  if (error === undefined) return 'other';
  if (error.startsWith(ENDED_WHILE_HELD)) return 'journey-ended';
  if (/frequency cap/i.test(error)) return 'frequency-cap';
  if (/opted out/i.test(error)) return 'opted-out';
  if (/has no (push token|email address|phone number)/i.test(error)) return 'no-address';
  if (/within 24 hours/i.test(error)) return 'whatsapp-window';
  if (/^Not sent:/.test(error)) return 'other';
  return 'provider-error';
}

function sentence(cause: NotSentCause, error: string | undefined, status: 'suppressed' | 'failed'): string {
  if (cause === 'journey-ended') return `Not sent: ${ENDED_WHILE_HELD.charAt(0).toLowerCase()}${ENDED_WHILE_HELD.slice(1)}.`;
  if (error === undefined) return `${status === 'failed' ? 'Failed' : 'Not sent'} (no reason was recorded).`;
  const full = /[.!?)]$/.test(error) ? error : `${error}.`;
  if (cause === 'provider-error') return `The provider refused it: ${full}`;
  return /^Not sent:/.test(full) ? full : `${status === 'failed' ? 'Failed' : 'Not sent'}: ${full}`;
}

function lastDetail(history: readonly MessageStatusChange[]): string | undefined {
  return [...history].reverse().find((change) => change.detail !== undefined)?.detail;
}

/** `21:00`, or `Tue 21:00` when not today, in the time zone. */
function localTime(at: Date, timeZone: string | null, now: number): string {
  const zone = timeZone ?? 'UTC';
  const day = (instant: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (day(at) === day(new Date(now))) return time;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(at);
  return `${time} on ${date}`;
}
