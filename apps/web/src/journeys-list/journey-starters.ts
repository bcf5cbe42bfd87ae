import { DEFAULT_JOURNEY_SETTINGS, type JourneyGraph, omnichannelFallbackJourney, whatsappKeywordJourney } from '@engine/journey';
import { autoLayout } from '../graph-editing/auto-layout';
import { moveNodes } from '../graph-editing/update-node';

/** An example laid out for the canvas's cards (the library's positions assume narrower ones). */
function laidOut(graph: JourneyGraph): JourneyGraph {
  const copy = structuredClone(graph);
  return moveNodes(copy, autoLayout(copy, new Map()));
}

export interface JourneyStarter {
  id: 'blank' | 'omnichannel' | 'whatsapp-keywords';
  title: string;
  description: string;
  graph: () => JourneyGraph;
}

/** What a new journey can start from: an entry alone, or one of the worked examples. */
export const JOURNEY_STARTERS: readonly JourneyStarter[] = [
  {
    id: 'blank',
    title: 'Blank',
    description: 'An entry on an event; add the steps yourself.',
    graph: () => ({
      formatVersion: 1,
      nodes: [{ id: 'entry', type: 'entry.event', position: { x: 0, y: 0 }, data: { event: '' } }],
      edges: [],
      settings: structuredClone(DEFAULT_JOURNEY_SETTINGS),
    }),
  },
  {
    id: 'omnichannel',
    title: 'Omnichannel fallback',
    description: 'Push, then email if not opened in 4 h, then WhatsApp.',
    graph: () => laidOut(omnichannelFallbackJourney),
  },
  {
    id: 'whatsapp-keywords',
    title: 'WhatsApp keywords',
    description: 'Answer “help” and “promo” messages with templates.',
    graph: () => laidOut(whatsappKeywordJourney),
  },
];
