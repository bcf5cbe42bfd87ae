import { type JourneyGraph } from '@engine/journey';
import { type components } from './api-schema';

/** The API's DTOs as its OpenAPI document describes them (generated: `npm run api-types`). */
export type ApiSchemas = components['schemas'];

/** The API describes a journey graph as an open object: its full type lives in @engine/journey. */
export type WithJourneyGraph<T extends { graph?: unknown }> = Omit<T, 'graph'> &
  (undefined extends T['graph'] ? { graph?: JourneyGraph } : { graph: JourneyGraph });
