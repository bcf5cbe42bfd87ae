import { FinalSendError } from '../channel-provider';

/** A rendered `send.push` node (SendPushData), checked. */
export interface PushContent {
  title: string;
  body: string;
  link?: string;
  imageUrl?: string;
}

export function readPushContent(content: Record<string, unknown>): PushContent {
  const { title, body, link, imageUrl } = content;
  if (typeof body !== 'string' || body.trim() === '') throw new FinalSendError('The push notification has no body text');
  return {
    title: typeof title === 'string' ? title : '',
    body,
    ...(typeof link === 'string' && link.trim() ? { link: link.trim() } : {}),
    ...(typeof imageUrl === 'string' && imageUrl.trim() ? { imageUrl: imageUrl.trim() } : {}),
  };
}
