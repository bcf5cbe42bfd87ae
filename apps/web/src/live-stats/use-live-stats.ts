import { useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import { type JourneyStats, type NodeStats } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';

export const STATS_REFRESH_MS = 3000;

export interface LiveStats {
  stats?: JourneyStats;
  byNode: ReadonlyMap<string, NodeStats>;
  error?: string;
}

const EMPTY: LiveStats = { byNode: new Map() };

function sameNodeStats(a: NodeStats, b: NodeStats): boolean {
  return (
    a.now === b.now &&
    a.entered === b.entered &&
    a.sent === b.sent &&
    a.delivered === b.delivered &&
    a.opened === b.opened &&
    a.clicked === b.clicked &&
    a.failed === b.failed &&
    a.unknown === b.unknown &&
    a.suppressed === b.suppressed &&
    a.conversions === b.conversions
  );
}

/**
 * Polls GET /journeys/:id/stats every 3 seconds while enabled. Unchanged node counters keep their
 * object, so only the cards whose numbers moved re-render.
 */
export function useLiveStats(journeyId: string, enabled: boolean): LiveStats {
  const [live, setLive] = useState<LiveStats>(EMPTY);
  useEffect(() => {
    if (!enabled) {
      setLive(EMPTY);
      return undefined;
    }
    let stopped = false;
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      try {
        const stats = await journeysApi.stats(journeyId);
        if (stopped) return;
        setLive((previous) => {
          const byNode = new Map<string, NodeStats>();
          for (const node of stats.nodes) {
            const before = previous.byNode.get(node.nodeId);
            byNode.set(node.nodeId, before !== undefined && sameNodeStats(before, node) ? before : node);
          }
          return { stats, byNode };
        });
      } catch (error) {
        if (!stopped) setLive((previous) => ({ ...previous, error: describeError(error) }));
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), STATS_REFRESH_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [journeyId, enabled]);
  return live;
}
