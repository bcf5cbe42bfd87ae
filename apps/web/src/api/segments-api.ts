import { type Condition } from '@engine/journey';
import { apiRequest } from './api-client';
import { type ApiSchemas } from './api-schemas';

/** A saved segment (GET /api/v1/segments), its condition typed by @engine/journey. */
export type SavedSegment = Omit<ApiSchemas['SegmentDto'], 'condition'> & { condition: Condition };
export type SegmentPreview = ApiSchemas['SegmentPreviewDto'];
export interface SegmentFields {
  name: string;
  description: string;
  condition: Condition;
}

const segmentPath = (id: string): string => `/api/v1/segments/${encodeURIComponent(id)}`;

export const segmentsApi = {
  /** Sorted by name, each with the journeys that use it. */
  list: (): Promise<SavedSegment[]> => apiRequest('GET', '/api/v1/segments'),
  create: (fields: SegmentFields): Promise<SavedSegment> => apiRequest('POST', '/api/v1/segments', fields),
  update: (id: string, fields: Partial<SegmentFields>): Promise<SavedSegment> => apiRequest('PATCH', segmentPath(id), fields),
  remove: (id: string): Promise<void> => apiRequest('DELETE', segmentPath(id)),
  /** The count now and up to 20 matching users; a 422 names what is wrong in the condition. */
  preview: (condition: Condition): Promise<SegmentPreview> => apiRequest('POST', '/api/v1/segments/preview', { condition }),
};
