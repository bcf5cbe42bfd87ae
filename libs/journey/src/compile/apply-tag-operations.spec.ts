import { applyTagOperations } from './apply-tag-operations';

const scope = { tags: { first_name: 'Ann', visits: 2 }, event: { text: 'Promo', amount: 5 }, user: { id: 'u1', email: 'a@x.io' } };

describe('applyTagOperations', () => {
  it('sets plain values and renders placeholder strings', () => {
    const tags = applyTagOperations(scope.tags, [
      { op: 'set', tag: 'plan', value: 'gold' },
      { op: 'set', tag: 'vip', value: true },
      { op: 'set', tag: 'score', value: 7 },
      { op: 'set', tag: 'last_keyword', value: '{{event.text}} from {{user.email}}' },
      { op: 'set', tag: 'greeting', value: '{{tags.nick|friend}}' },
      { op: 'set', tag: 'cleared' },
    ], scope);
    expect(tags).toEqual({
      first_name: 'Ann',
      visits: 2,
      plan: 'gold',
      vip: true,
      score: 7,
      last_keyword: 'Promo from a@x.io',
      greeting: 'friend',
      cleared: null,
    });
  });

  it('increments numbers, treating a missing or non-numeric tag as 0', () => {
    const tags = applyTagOperations({ visits: 2, label: 'x', text_number: '4' }, [
      { op: 'increment', tag: 'visits' },
      { op: 'increment', tag: 'visits', value: 3 },
      { op: 'increment', tag: 'fresh', value: 2 },
      { op: 'increment', tag: 'label' },
      { op: 'increment', tag: 'text_number', value: '2' },
    ], scope);
    expect(tags).toEqual({ visits: 6, fresh: 2, label: 1, text_number: 6 });
  });

  it('removes tags and never mutates its input', () => {
    const input = { a: 1, b: 2 };
    const tags = applyTagOperations(input, [{ op: 'remove', tag: 'a' }, { op: 'remove', tag: 'missing' }], scope);
    expect(tags).toEqual({ b: 2 });
    expect(input).toEqual({ a: 1, b: 2 });
  });
});
