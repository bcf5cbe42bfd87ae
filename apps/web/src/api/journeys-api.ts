import { type JourneyGraph } from '@engine/journey';
import { type JourneyValidationResult } from '../validation/journey-validator';
import { apiRequest } from './api-client';
import {
  type JourneyDetail,
  type JourneyStats,
  type JourneySummary,
  type JourneyVersion,
  type JourneyVersionSummary,
  type PublishedJourneyVersion,
  type UpdateJourneyRequest,
} from './journey-types';

const JOURNEYS = '/api/v1/journeys';
const journeyPath = (id: string): string => `${JOURNEYS}/${encodeURIComponent(id)}`;

/** The journey endpoints of the API, typed. */
export const journeysApi = {
  list: (): Promise<JourneySummary[]> => apiRequest('GET', JOURNEYS),
  create: (name: string, graph?: JourneyGraph): Promise<JourneyDetail> => apiRequest('POST', JOURNEYS, { name, graph }),
  get: (id: string): Promise<JourneyDetail> => apiRequest('GET', journeyPath(id)),
  update: (id: string, request: UpdateJourneyRequest): Promise<JourneyDetail> => apiRequest('PUT', journeyPath(id), request),
  validate: (id: string, graph?: JourneyGraph): Promise<JourneyValidationResult> =>
    apiRequest('POST', `${journeyPath(id)}/validate`, { graph }),
  publish: (id: string): Promise<PublishedJourneyVersion> => apiRequest('POST', `${journeyPath(id)}/publish`),
  pause: (id: string): Promise<JourneyDetail> => apiRequest('POST', `${journeyPath(id)}/pause`),
  resume: (id: string): Promise<JourneyDetail> => apiRequest('POST', `${journeyPath(id)}/resume`),
  archive: (id: string): Promise<JourneyDetail> => apiRequest('POST', `${journeyPath(id)}/archive`),
  duplicate: (id: string): Promise<JourneyDetail> => apiRequest('POST', `${journeyPath(id)}/duplicate`),
  versions: (id: string): Promise<JourneyVersionSummary[]> => apiRequest('GET', `${journeyPath(id)}/versions`),
  version: (id: string, version: number): Promise<JourneyVersion> => apiRequest('GET', `${journeyPath(id)}/versions/${version}`),
  stats: (id: string): Promise<JourneyStats> => apiRequest('GET', `${journeyPath(id)}/stats`),
};
