import { type PushContent } from './push-content';

/**
 * What the service worker receives (`event.data.json()`). `link` and `url` carry the same
 * address: `url` is the name most service worker snippets read.
 */
export interface WebPushPayload {
  title: string;
  body: string;
  link?: string;
  url?: string;
  image?: string;
  messageId: string;
  /** The service worker POSTs here when the notification is clicked (signed; records PW_PushOpened). */
  openUrl?: string;
}

export function buildWebPushPayload(content: PushContent, messageId: string, openUrl?: string): WebPushPayload {
  return {
    title: content.title,
    body: content.body,
    ...(content.link ? { link: content.link, url: content.link } : {}),
    ...(content.imageUrl ? { image: content.imageUrl } : {}),
    messageId,
    ...(openUrl ? { openUrl } : {}),
  };
}
