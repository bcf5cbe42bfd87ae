import { type JourneyGraph } from '@engine/journey';
import { type JourneyProblem, type JourneyValidationResult } from '../validation/journey-validator';

export const JOURNEY_STATUSES = ['draft', 'live', 'paused', 'archived'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** A row of GET /api/v1/journeys. */
export interface JourneySummary {
  id: string;
  name: string;
  status: JourneyStatus;
  liveVersionNumber: number | null;
  /** Users in the journey now (active instances). */
  activeUsers: number;
  conversions: number;
  revision: string;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/v1/journeys/:id and the answer of every write on a journey. */
export interface JourneyDetail {
  id: string;
  name: string;
  status: JourneyStatus;
  liveVersionNumber: number | null;
  liveVersionId: string | null;
  entryEvents: string[];
  /** The draft graph. */
  graph: JourneyGraph;
  validation: JourneyValidationResult;
  /** Send it back with PUT to be refused (409) when someone else changed the draft since. */
  revision: string;
  createdAt: string;
  updatedAt: string;
}

export interface JourneyVersionSummary {
  id: string;
  journeyId: string;
  version: number;
  compiledHash: string;
  live: boolean;
  publishedAt: string;
}

export interface JourneyVersion extends JourneyVersionSummary {
  graph: JourneyGraph;
}

export interface PublishedJourneyVersion extends JourneyVersion {
  warnings: JourneyProblem[];
}

/** The 422 body of a refused publish. */
export interface PublishRefusal {
  message: string;
  problems: JourneyProblem[];
}

export interface NodeStats {
  nodeId: string;
  type: string | null;
  now: number;
  entered: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  failed: number;
  suppressed: number;
  conversions: number;
}

export interface JourneyStatsTotals {
  entered: number;
  active: number;
  completed: number;
  converted: number;
  stopped: number;
  conversions: number;
}

export interface JourneyStats {
  journeyId: string;
  nodes: NodeStats[];
  totals: JourneyStatsTotals;
}

export interface UpdateJourneyRequest {
  name?: string;
  graph?: JourneyGraph;
  revision?: string;
}
