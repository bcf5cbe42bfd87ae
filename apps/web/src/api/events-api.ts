import { apiRequest } from './api-client';
import { type ApiSchemas } from './api-schemas';

/** POST /api/v1/events body (one event). */
export type TrackedEvent = ApiSchemas['EventDto'];

/** The 202 answer of POST /api/v1/events. */
export type TrackEventsResult = ApiSchemas['TrackEventsResultDto'];

/** An event name the project has received (GET /api/v1/events/names), built-in PW_ names included. */
export type ReceivedEventName = ApiSchemas['EventNameDto'];

export const eventsApi = {
  track: (event: TrackedEvent): Promise<TrackEventsResult> => apiRequest('POST', '/api/v1/events', event),
  /** Sorted by name. */
  names: (): Promise<ReceivedEventName[]> => apiRequest('GET', '/api/v1/events/names'),
};
