import { DEFAULT_JOURNEY_SETTINGS, type JourneyGraph, type JourneyNode, omnichannelFallbackJourney } from '@engine/journey';
import { type JourneyDetail } from '../api/journey-types';

/** A fresh copy of the omnichannel fallback example. */
export function omnichannel(): JourneyGraph {
  return structuredClone(omnichannelFallbackJourney);
}

/** A graph of the given nodes and no connections. */
export function graphOf(...nodes: JourneyNode[]): JourneyGraph {
  return { formatVersion: 1, nodes, edges: [], settings: structuredClone(DEFAULT_JOURNEY_SETTINGS) };
}

/** A draft journey "Promo" (id j1) as GET /journeys/:id answers it, holding `graph`; `changes` override any field. */
export function journeyDetail(graph: JourneyGraph, changes: Partial<JourneyDetail> = {}): JourneyDetail {
  return {
    id: 'j1',
    name: 'Promo',
    status: 'draft',
    liveVersionNumber: null,
    liveVersionId: null,
    entryEvents: [],
    graph,
    validation: { valid: true, problems: [] },
    revision: 'rev-0',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...changes,
  };
}
