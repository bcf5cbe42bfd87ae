import { apiRequest } from './api-client';
import { type UserFields, type UserList, type UserProfile, type UserStory } from './user-types';

const userPath = (userId: string): string => `/api/v1/users/${encodeURIComponent(userId)}`;

/** What the users list is asked for: a search, the users at one step or in a saved segment, a page. */
export interface UserListQuery {
  search?: string;
  journeyId?: string;
  nodeId?: string;
  segmentId?: string;
  cursor?: string;
  limit?: number;
}

function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const usersApi = {
  upsert: (userId: string, fields: UserFields): Promise<unknown> => apiRequest('PUT', userPath(userId), fields),
  get: (userId: string): Promise<UserProfile> => apiRequest('GET', userPath(userId)),
  list: (query: UserListQuery): Promise<UserList> => apiRequest('GET', `/api/v1/users${queryString({ ...query })}`),
  story: (userId: string, eventsCursor?: string): Promise<UserStory> => apiRequest('GET', `${userPath(userId)}/story${queryString({ eventsCursor })}`),
};
