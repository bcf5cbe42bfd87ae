import { inferAttributeType } from './infer-attribute-type';
import { summarizeEventBatch } from './summarize-event-batch';

describe('events catalogue of a batch', () => {
  it('infers attribute types, dates from date-looking strings', () => {
    expect(['asian', 12.5, true, '2026-05-01', '2026-05-01T10:00:00Z', '2026-13-01', ['a'], { a: 1 }, null].map(inferAttributeType)).toEqual([
      'string',
      'number',
      'boolean',
      'date',
      'date',
      'string',
      'list',
      'object',
      undefined,
    ]);
  });

  it('counts names and (name, attribute, type), sorted, nulls left out', () => {
    expect(
      summarizeEventBatch([
        { name: 'Order', attributes: { cuisine: 'asian', amount: 12 } },
        { name: 'Order', attributes: { cuisine: 'italian', amount: '12', note: null } },
        { name: 'Open', attributes: {} },
      ]),
    ).toEqual({
      names: [
        { name: 'Open', count: 1 },
        { name: 'Order', count: 2 },
      ],
      attributes: [
        { name: 'Order', attribute: 'amount', type: 'number', count: 1 },
        { name: 'Order', attribute: 'amount', type: 'string', count: 1 },
        { name: 'Order', attribute: 'cuisine', type: 'string', count: 2 },
      ],
    });
  });
});
