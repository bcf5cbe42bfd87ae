import { apiRequest } from './api-client';

export interface TrackedEvent {
  userId: string;
  name: string;
  attributes?: Record<string, unknown>;
}

export interface TrackEventsResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; errors: string[] }>;
}

export const eventsApi = {
  track: (event: TrackedEvent): Promise<TrackEventsResult> => apiRequest('POST', '/api/v1/events', event),
};
