import { DEFAULT_JOURNEY_SETTINGS, type JourneyGraph, omnichannelFallbackJourney, whatsappKeywordJourney } from '@engine/journey';
import { moveNodes } from '../graph-editing/update-node';

/**
 * An example laid out for the canvas's cards (the library's positions assume narrower ones). The
 * layout code (dagre) is loaded only then: the journeys list does not need it otherwise.
 */
async function laidOut(graph: JourneyGraph): Promise<JourneyGraph> {
  const { autoLayout } = await import('../graph-editing/auto-layout');
  const copy = structuredClone(graph);
  return moveNodes(copy, autoLayout(copy, new Map()));
}

export interface JourneyStarter {
  id: 'blank' | 'omnichannel' | 'whatsapp-keywords';
  title: string;
  description: string;
  graph: () => Promise<JourneyGraph>;
}

/** What a new journey can start from: an entry alone, or one of the worked examples. */
export const JOURNEY_STARTERS: readonly JourneyStarter[] = [
  {
    id: 'blank',
    title: 'Blank',
    description: 'An entry on an event; add the steps yourself.',
    graph: () =>
      Promise.resolve({
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
