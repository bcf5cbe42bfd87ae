import { apiRequest } from './api-client';
import { type MessageStatus } from './user-types';

/** A message journeys sent (GET /api/v1/messages); `provider: sandbox` ones were only recorded. */
export interface SentMessage {
  id: string;
  createdAt: string;
  channel: string;
  provider: string;
  status: MessageStatus;
  userId: string;
  journeyId: string | null;
  journeyName: string | null;
  nodeId: string | null;
  /** What was sent, placeholders filled: title/body, subject/html, template, text... */
  content: Record<string, unknown>;
  error: string | null;
}

export interface SentMessagePage {
  messages: SentMessage[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

export const sandboxMessagesApi = {
  /** The sandbox inbox, newest first (404 on an API without the route: callers say "not available yet"). */
  list: (): Promise<SentMessagePage> => apiRequest('GET', '/api/v1/messages?provider=sandbox&limit=100'),
};
