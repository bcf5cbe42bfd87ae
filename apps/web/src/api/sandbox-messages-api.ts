import { apiRequest } from './api-client';
import { type ApiSchemas } from './api-schemas';

/** A message journeys sent (GET /api/v1/messages); `provider: sandbox` ones were only recorded. */
export type SentMessage = ApiSchemas['MessageDto'];

export type SentMessagePage = ApiSchemas['MessagePageDto'];

export const sandboxMessagesApi = {
  /** The sandbox inbox, newest first (404 on an API without the route: callers say "not available yet"). */
  list: (): Promise<SentMessagePage> => apiRequest('GET', '/api/v1/messages?provider=sandbox&limit=100'),
};
