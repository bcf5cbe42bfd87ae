// The journey endpoints' bodies: aliases of the types generated from the API's OpenAPI document.
import { type ApiSchemas, type WithJourneyGraph } from './api-schemas';

/** A row of GET /api/v1/journeys. */
export type JourneySummary = ApiSchemas['JourneySummaryDto'];
export type JourneyStatus = JourneySummary['status'];

/** GET /api/v1/journeys/:id and the answer of every write on a journey. */
export type JourneyDetail = WithJourneyGraph<ApiSchemas['JourneyDetailDto']>;

export type JourneyVersionSummary = ApiSchemas['JourneyVersionSummaryDto'];
export type JourneyVersion = WithJourneyGraph<ApiSchemas['JourneyVersionDto']>;
export type PublishedJourneyVersion = WithJourneyGraph<ApiSchemas['PublishedJourneyVersionDto']>;

/** The 422 body of a refused publish. */
export type PublishRefusal = ApiSchemas['PublishRefusalDto'];

export type NodeStats = ApiSchemas['JourneyNodeStatsDto'];
export type JourneyStatsTotals = ApiSchemas['JourneyStatsTotalsDto'];
export type JourneyStats = ApiSchemas['JourneyStatsDto'];

/** PUT /api/v1/journeys/:id body. */
export type UpdateJourneyRequest = WithJourneyGraph<ApiSchemas['UpdateJourneyDto']>;
