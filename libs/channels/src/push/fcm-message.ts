import { type PushContent } from './push-content';

/** The body of FCM HTTP v1 `projects.messages.send` for one device token. */
export interface FcmSendRequest {
  message: {
    token: string;
    notification: { title: string; body: string; image?: string };
    /** FCM data values must be strings. */
    data: Record<string, string>;
    android?: { priority: 'high' };
    apns?: { headers: Record<string, string>; payload: { aps: Record<string, unknown> }; fcm_options?: { image: string } };
  };
}

/**
 * A notification with the engine's message id, link and open-tracking URL in `data`: the app
 * reports the open by POSTing to `openUrl` (no API key needed; the URL carries a signed token).
 * iOS needs `mutable-content` for the notification service extension to fetch an image.
 */
export function buildFcmMessage(token: string, platform: string, content: PushContent, messageId: string, openUrl?: string): FcmSendRequest {
  const message: FcmSendRequest['message'] = {
    token,
    notification: { title: content.title, body: content.body, ...(content.imageUrl ? { image: content.imageUrl } : {}) },
    data: { messageId, ...(content.link ? { link: content.link } : {}), ...(openUrl ? { openUrl } : {}) },
  };
  if (platform === 'android') message.android = { priority: 'high' };
  if (platform === 'ios') {
    message.apns = {
      headers: { 'apns-priority': '10' },
      payload: { aps: content.imageUrl ? { 'mutable-content': 1, sound: 'default' } : { sound: 'default' } },
      ...(content.imageUrl ? { fcm_options: { image: content.imageUrl } } : {}),
    };
  }
  return { message };
}
