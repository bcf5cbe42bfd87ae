import { type MessageTracking } from '../channel-provider';
import { signTrackingToken } from './tracking-token';

/** The routes the API serves tracking links on, each followed by a token. */
export const TRACKING_PATHS = { open: '/t/o/', click: '/t/c/', unsubscribe: '/t/u/' } as const;

export interface MessageTrackingOptions {
  /** The engine's public URL, e.g. https://journeys.example.com (no trailing slash needed). */
  publicBaseUrl: string;
  secret: string | Buffer;
  messageId: string;
  /** e.g. mailto:unsubscribe@example.com, offered next to the one-click URL. */
  unsubscribeMailto?: string;
}

/** The tracking links of one message, each carrying a signed token (see signTrackingToken). */
export function buildMessageTracking(options: MessageTrackingOptions): MessageTracking {
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const token = (kind: 'open' | 'unsubscribe'): string => signTrackingToken({ kind, messageId: options.messageId }, options.secret);
  return {
    baseUrl: `${base}/t/`,
    openUrl: `${base}${TRACKING_PATHS.open}${token('open')}`,
    clickUrl: (url) => `${base}${TRACKING_PATHS.click}${signTrackingToken({ kind: 'click', messageId: options.messageId, url }, options.secret)}`,
    unsubscribeUrl: `${base}${TRACKING_PATHS.unsubscribe}${token('unsubscribe')}`,
    ...(options.unsubscribeMailto ? { unsubscribeMailto: options.unsubscribeMailto } : {}),
  };
}
