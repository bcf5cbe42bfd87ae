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

/** An event name the project has received (GET /api/v1/events/names), built-in PW_ names included. */
export interface ReceivedEventName {
  name: string;
  /** ISO timestamps; `lastSeenAt` is refreshed at most hourly, so up to an hour behind. */
  firstSeenAt: string;
  lastSeenAt: string;
}

export const eventsApi = {
  track: (event: TrackedEvent): Promise<TrackEventsResult> => apiRequest('POST', '/api/v1/events', event),
  /** Sorted by name. */
  names: (): Promise<ReceivedEventName[]> => apiRequest('GET', '/api/v1/events/names'),
};
