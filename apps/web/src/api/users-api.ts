import { apiRequest } from './api-client';
import { type UserFields, type UserProfile } from './user-types';

const userPath = (userId: string): string => `/api/v1/users/${encodeURIComponent(userId)}`;

export const usersApi = {
  upsert: (userId: string, fields: UserFields): Promise<unknown> => apiRequest('PUT', userPath(userId), fields),
  get: (userId: string): Promise<UserProfile> => apiRequest('GET', userPath(userId)),
};
