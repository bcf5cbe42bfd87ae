import { collectHistoryQueries } from './collect-history-queries';
import { type JourneyGraph } from '../format/journey-graph';
import { DEFAULT_JOURNEY_SETTINGS } from '../format/journey-graph';

const at = { x: 0, y: 0 };

describe('collectHistoryQueries', () => {
  it('finds history conditions in entries, segments, condition branches, wait branches and goals', () => {
    const graph: JourneyGraph = {
      formatVersion: 1,
      nodes: [
        {
          id: 'entry',
          type: 'entry.event',
          position: at,
          data: { event: 'AppOpen', where: { not: { history: { event: 'Purchase', within: '30d' } } } },
        },
        {
          id: 'segment',
          type: 'entry.segment',
          position: at,
          data: { segment: { and: [{ field: 'tags.plan', op: 'eq', value: 'pro' }, { history: { event: 'Login' } }] } },
        },
        {
          id: 'check',
          type: 'branch.condition',
          position: at,
          data: {
            condition: {
              or: [
                // The same query as the entry, written in another order and with a count.
                { history: { within: '30d', event: 'Purchase', count: { op: 'gte', value: 2 } } },
                { history: { event: 'PW_EmailClicked', within: '1d' } },
              ],
            },
          },
        },
        {
          id: 'wait',
          type: 'wait.event',
          position: at,
          data: {
            timeout: '1d',
            branches: [{ id: 'b', events: [{ event: 'Cart', where: { history: { event: 'Wishlist' } } }, { event: 'X' }] }],
          },
        },
        { id: 'push', type: 'send.push', position: at, data: { title: 't', body: 'b' } },
        { id: 'exit', type: 'exit', position: at, data: {} },
      ],
      edges: [],
      settings: {
        ...DEFAULT_JOURNEY_SETTINGS,
        goals: [
          {
            id: 'g',
            event: 'Purchase',
            period: '7d',
            endsJourney: true,
            where: { history: { event: 'Refund', within: '90d' } },
          },
        ],
      },
    };
    expect(collectHistoryQueries(graph)).toEqual([
      { event: 'Purchase', within: '30d' },
      { event: 'Login' },
      { event: 'PW_EmailClicked', within: '1d' },
      { event: 'Wishlist' },
      { event: 'Refund', within: '90d' },
    ]);
  });

  it('returns nothing for a graph without history conditions', () => {
    const graph: JourneyGraph = {
      formatVersion: 1,
      nodes: [{ id: 'entry', type: 'entry.api', position: at, data: {} }],
      edges: [],
      settings: DEFAULT_JOURNEY_SETTINGS,
    };
    expect(collectHistoryQueries(graph)).toEqual([]);
  });
});
