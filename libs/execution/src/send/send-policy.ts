import {
  type Channel,
  type ChannelThrottle,
  durationMs,
  type FrequencyCap,
  type JourneySettings,
  nextAllowedSendTime,
  USER_CHANNELS,
  type UserChannel,
} from '@engine/journey';
import { type AppUserEntity } from '@engine/persistence';
import { type OutgoingMessage } from '@engine/channels';
import { recipientFor } from './recipient';

/**
 * The send policy: every rule that decides whether, and when, a journey message goes out. Pure
 * functions of what the caller loaded; the stepping and the claim only load and write.
 *
 * - Silent hours: decided when the step asks for the send (`sendableAt`): the outbox row is due
 *   when the window opens, and the user waits at the step until then.
 * - Everything else, when the send is claimed (`decideSend`), in this order: the journey's
 *   throttle, the recipient (opt-in, address), WhatsApp's 24-hour window for free-form text, the
 *   user's frequency cap.
 */

/** What a claim decides for one message. */
export type SendDecision =
  | { kind: 'send'; to: OutgoingMessage['to'] }
  /** Not sent on purpose; recorded with its reason. */
  | { kind: 'suppress'; reason: string }
  /** Cannot be sent as asked; recorded with its reason. */
  | { kind: 'fail'; reason: string }
  /** Try again at `until` (epoch ms). */
  | { kind: 'wait'; until: number };

export type SendPolicyUser = Pick<AppUserEntity, 'optIns' | 'pushTokens' | 'email' | 'phone' | 'lastInboundWhatsAppAt'>;

export interface SendRequest {
  channel: Channel;
  /** The rendered content (`mode: 'text'` is free-form WhatsApp text). */
  content: Record<string, unknown>;
  user: SendPolicyUser;
  settings: Pick<JourneySettings, 'frequencyCap' | 'throttling'>;
  /**
   * Sends counted in the journey's current throttle window for this channel, this one included
   * (ThrottleWindowStore.countSend); undefined when no throttle applies (`throttleFor`).
   */
  throttleWindowSends: number | undefined;
  /** The user's messages the frequency cap counts within its period, those claimed earlier in this batch included. */
  cappedSends: number;
  now: number;
}

/** WhatsApp allows free-form text only this long after the user's last message to the business. */
export const WHATSAPP_TEXT_WINDOW_MS = 24 * 3_600_000;

/** Whether, and when, a claimed message goes out. */
export function decideSend(request: SendRequest): SendDecision {
  const { channel, user, settings, now } = request;
  const throttle = throttleFor(settings.throttling, channel);
  if (throttle && request.throttleWindowSends !== undefined && request.throttleWindowSends > throttle.limit) {
    return { kind: 'wait', until: throttleWindow(throttle, now).next };
  }
  const recipient = recipientFor(channel, user);
  if ('missing' in recipient) return { kind: 'suppress', reason: `Not sent: ${recipient.missing}` };
  if (channel === 'whatsapp' && request.content['mode'] === 'text' && !withinWhatsAppWindow(user.lastInboundWhatsAppAt, now)) {
    return {
      kind: 'fail',
      reason:
        "Not sent: WhatsApp allows free-form text only within 24 hours of the user's last message" +
        `${user.lastInboundWhatsAppAt ? ` (last one ${user.lastInboundWhatsAppAt.toISOString()})` : ' (they never wrote)'}; use an approved template instead`,
    };
  }
  const cap = settings.frequencyCap;
  if (cap && capCounts(cap, channel) && request.cappedSends >= cap.maxMessages) {
    return { kind: 'suppress', reason: `Not sent: frequency cap of ${cap.maxMessages} per ${cap.period} reached` };
  }
  return { kind: 'send', to: recipient.to };
}

/** Silent hours: when a send a step asks for at `now` may go out (now, or when the user's silent hours end). */
export function sendableAt(silentHours: JourneySettings['silentHours'], channel: Channel, timeZone: string | undefined, now: number): number {
  if (!(USER_CHANNELS as readonly string[]).includes(channel)) return now;
  return nextAllowedSendTime(now, silentHours, channel as UserChannel, timeZone);
}

/** The journey's throttle for a channel, if any. */
export function throttleFor(throttles: readonly ChannelThrottle[], channel: Channel): ChannelThrottle | undefined {
  return throttles.find((candidate) => candidate.channel === channel);
}

/** The fixed window a send at `now` falls in, for a throttle of `limit` per `per`. */
export function throttleWindow(throttle: ChannelThrottle, now: number): { start: number; next: number; expiresAt: number } {
  const windowMs = durationMs(throttle.per);
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, next: start + windowMs, expiresAt: start + 2 * windowMs };
}

/** Whether a frequency cap counts messages of this channel. */
export function capCounts(cap: FrequencyCap | undefined, channel: Channel): cap is FrequencyCap {
  return cap !== undefined && (cap.channels as string[]).includes(channel);
}

/** Since when a cap counts messages. */
export function capPeriodStart(cap: FrequencyCap, now: number): Date {
  return new Date(now - durationMs(cap.period));
}

function withinWhatsAppWindow(lastInbound: Date | null, now: number): boolean {
  return lastInbound !== null && now - lastInbound.getTime() < WHATSAPP_TEXT_WINDOW_MS;
}
