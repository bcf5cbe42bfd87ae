import { DEFAULT_JOURNEY_SETTINGS, type JourneyGraph, type JourneyNode, omnichannelFallbackJourney } from '@engine/journey';

/** A fresh copy of the omnichannel fallback example. */
export function omnichannel(): JourneyGraph {
  return structuredClone(omnichannelFallbackJourney);
}

/** A graph of the given nodes and no connections. */
export function graphOf(...nodes: JourneyNode[]): JourneyGraph {
  return { formatVersion: 1, nodes, edges: [], settings: structuredClone(DEFAULT_JOURNEY_SETTINGS) };
}
