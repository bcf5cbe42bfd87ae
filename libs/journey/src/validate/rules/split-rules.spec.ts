import { type SplitVariant } from '../../format/journey-graph';
import { buildGraph, chain, edge, entryEventNode, exitNode, splitNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

function splitOf(variants: SplitVariant[]) {
  return buildGraph(
    [entryEventNode('start'), splitNode('split', { variants }, { label: 'Test' }), exitNode('done')],
    [...chain('start', 'split'), ...[...new Set(variants.map((variant) => variant.id))].map((id) => edge('split', 'done', id))],
  );
}

describe('split rules', () => {
  it('accepts shares that add up to 100 with rounding noise', () => {
    expect(
      validateJourney(
        splitOf([
          { id: 'a', percent: 33.3 },
          { id: 'b', percent: 33.3 },
          { id: 'c', percent: 33.4 },
        ]),
      ).problems,
    ).toEqual([]);
  });

  it('reports shares that do not add up to 100, saying the sum', () => {
    expect(
      validateJourney(
        splitOf([
          { id: 'a', percent: 50 },
          { id: 'b', percent: 40 },
        ]),
      ).problems,
    ).toEqual([
      {
        severity: 'error',
        code: 'split-percent-sum',
        message: 'Node "Test" (A/B split): the variant shares add up to 90%; they must add up to 100%.',
        nodeId: 'split',
        field: 'data.variants',
      },
    ]);
  });

  it('reports a negative share', () => {
    expect(
      validateJourney(
        splitOf([
          { id: 'a', percent: 110 },
          { id: 'b', label: 'Holdout', percent: -10 },
        ]),
      ).problems,
    ).toEqual([
      {
        severity: 'error',
        code: 'split-negative-percent',
        message: 'Node "Test" (A/B split): variant "Holdout" has a negative share (-10%).',
        nodeId: 'split',
        field: 'data.variants[1].percent',
      },
    ]);
  });

  it('reports duplicate variant ids', () => {
    expect(
      validateJourney(
        splitOf([
          { id: 'a', percent: 50 },
          { id: 'a', percent: 50 },
        ]),
      ).problems,
    ).toEqual([
      {
        severity: 'error',
        code: 'split-duplicate-variant-id',
        message: 'Node "Test" (A/B split): two variants use the id "a"; each variant needs its own id.',
        nodeId: 'split',
        field: 'data.variants[1].id',
      },
    ]);
  });

  it('reports fewer than two variants', () => {
    expect(validateJourney(splitOf([{ id: 'a', percent: 100 }])).problems).toEqual([
      {
        severity: 'error',
        code: 'split-too-few-variants',
        message: 'Node "Test" (A/B split): a split needs at least 2 variants; it has 1.',
        nodeId: 'split',
        field: 'data.variants',
      },
    ]);
  });
});
