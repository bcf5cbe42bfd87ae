import fc from 'fast-check';
import { type HistoryCondition } from './condition';
import { historyKey } from './history-key';

type History = HistoryCondition['history'];

describe('historyKey', () => {
  it('is a canonical string of event, where and within', () => {
    expect(historyKey({ event: 'PW_PushOpened' })).toBe('history:{"event":"PW_PushOpened"}');
    expect(
      historyKey({ event: 'Purchase', within: '30d', where: { field: 'event.amount', op: 'gt', value: 100 } }),
    ).toBe('history:{"event":"Purchase","where":{"field":"event.amount","op":"gt","value":100},"within":2592000000}');
  });

  it('ignores property order at every level', () => {
    const a: History = {
      event: 'Purchase',
      within: '7d',
      where: { and: [{ field: 'event.sku', op: 'eq', value: 'A1' }] },
    };
    const b = {
      where: { and: [{ value: 'A1', op: 'eq', field: 'event.sku' }] },
      within: '7d',
      event: 'Purchase',
    } as History;
    expect(historyKey(a)).toBe(historyKey(b));
  });

  it('ignores count, so conditions that only compare differently share one query', () => {
    expect(historyKey({ event: 'X', count: { op: 'eq', value: 0 } })).toBe(historyKey({ event: 'X' }));
  });

  it('keys within by its length, so 1d and 24h share a query', () => {
    expect(historyKey({ event: 'X', within: '1d' })).toBe(historyKey({ event: 'X', within: '24h' }));
    expect(historyKey({ event: 'X', within: '1d' })).not.toBe(historyKey({ event: 'X', within: '2d' }));
    expect(historyKey({ event: 'X', within: 'soon' })).toBe('history:{"event":"X","within":"soon"}');
  });

  it('tells different queries apart', () => {
    expect(historyKey({ event: 'X' })).not.toBe(historyKey({ event: 'Y' }));
    expect(historyKey({ event: 'X' })).not.toBe(historyKey({ event: 'X', within: '1d' }));
    expect(historyKey({ event: 'X', where: { field: 'event.a', op: 'eq', value: 1 } })).not.toBe(
      historyKey({ event: 'X', where: { field: 'event.a', op: 'eq', value: '1' } }),
    );
  });

  it('drops undefined members', () => {
    expect(historyKey({ event: 'X', where: undefined, within: undefined })).toBe(historyKey({ event: 'X' }));
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(historyKey(value as History).startsWith('history:')).toBe(true);
      }),
    );
  });
});
