import { FinalSendError, type OutgoingMessage, RetryableSendError, type SendResult } from '../channel-provider';

export type PushTarget = NonNullable<OutgoingMessage['to']['pushTokens']>[number];

/** What happened to one push token of a message. */
export type PushTokenOutcome =
  | { token: string; kind: 'sent'; providerMessageId: string }
  /** The push service says this token will never work again: remove it from the user. */
  | { token: string; kind: 'dead'; reason: string }
  | { token: string; kind: 'failed'; retryable: boolean; reason: string; retryAfterMs?: number };

/** A push provider that reports per token, so several can serve one user's tokens together. */
export interface PushTokenSender {
  readonly name: string;
  /** Token platforms it serves: `web`, `android`, `ios`. */
  readonly platforms: readonly string[];
  sendToTokens(message: OutgoingMessage, targets: PushTarget[]): Promise<PushTokenOutcome[]>;
}

/**
 * One answer for a message to several tokens: sent as soon as any token took it (the others are
 * not retried, which would notify the devices that got it again). When none did, retryable if
 * any failure was, else final. Dead tokens are reported either way.
 */
export function aggregatePushOutcomes(outcomes: PushTokenOutcome[]): SendResult {
  const deadTokens = outcomes.filter((outcome) => outcome.kind === 'dead').map((outcome) => outcome.token);
  const sent = outcomes.find((outcome) => outcome.kind === 'sent');
  if (sent) return { providerMessageId: sent.providerMessageId, ...(deadTokens.length > 0 ? { deadTokens } : {}) };
  if (outcomes.length === 0) throw new FinalSendError('The user has no push token');

  const summary = outcomes.map((outcome) => (outcome.kind === 'sent' ? '' : `${describeToken(outcome.token)}: ${outcome.reason}`)).join('; ');
  const retryable = outcomes.filter((outcome) => outcome.kind === 'failed' && outcome.retryable);
  if (retryable.length > 0) {
    const waits = retryable.map((outcome) => (outcome.kind === 'failed' ? outcome.retryAfterMs : undefined)).filter((ms): ms is number => ms !== undefined);
    throw new RetryableSendError(`No push token took the message (${summary})`, { deadTokens, ...(waits.length > 0 ? { retryAfterMs: Math.max(...waits) } : {}) });
  }
  throw new FinalSendError(
    deadTokens.length === outcomes.length ? `Every push token of the user is dead (${summary})` : `No push token took the message (${summary})`,
    { deadTokens },
  );
}

/** A short, recognizable form of a token for messages (never the whole credential-like string). */
export function describeToken(token: string): string {
  const endpoint = /"endpoint"\s*:\s*"https?:\/\/([^/"]+)/.exec(token)?.[1];
  if (endpoint) return `web push subscription at ${endpoint}`;
  return `token ${token.slice(0, 8)}…`;
}

/** Outcomes for tokens of platforms a provider does not serve. */
export function unservedTokens(targets: PushTarget[], platforms: readonly string[]): PushTokenOutcome[] {
  return targets
    .filter((target) => !platforms.includes(target.platform))
    .map((target) => ({ token: target.token, kind: 'failed', retryable: false, reason: `no push provider is configured for ${target.platform} tokens` }));
}
