import { describe, expect, it } from 'vitest';
import { catalogueFieldSuggestions, fieldValueKind, takesTypedValue } from './condition-vocabulary';

const TAGS = [
  { name: 'plan', type: 'string' },
  { name: 'signup_day', type: 'date' },
  { name: 'orders', type: 'integer' },
  { name: 'score', type: 'decimal' },
  { name: 'vip', type: 'boolean' },
];

describe('fieldValueKind', () => {
  it('enters a value as the tag catalogue types the tag', () => {
    expect(['tags.plan', 'tags.signup_day', 'tags.orders', 'tags.score', 'tags.vip', 'tags.unknown'].map((field) => fieldValueKind(field, TAGS))).toEqual([
      'text',
      'date',
      'number',
      'number',
      'boolean',
      'text',
    ]);
  });

  it('knows the default tags', () => {
    expect(['user.lastSeenAt', 'user.firstSeenAt', 'user.reachable.email', 'user.optIns.whatsapp', 'user.country', 'event.amount'].map((field) => fieldValueKind(field))).toEqual([
      'date',
      'date',
      'boolean',
      'boolean',
      'text',
      'text',
    ]);
  });

  it('types single-value comparisons only', () => {
    expect(['eq', 'gte', 'in', 'contains', 'matches', 'exists'].map((op) => takesTypedValue(op as never))).toEqual([true, true, false, false, false, false]);
  });
});

describe('catalogueFieldSuggestions', () => {
  it('offers profile conditions the catalogue tags (with their types) and the default tags first', () => {
    const suggestions = catalogueFieldSuggestions('profile', [{ attributes: [{ name: 'cuisine', type: 'string' }] }], TAGS);
    expect(suggestions.slice(0, 3)).toEqual([
      { field: 'tags.orders', label: 'integer' },
      { field: 'tags.plan', label: 'string' },
      { field: 'tags.score', label: 'decimal' },
    ]);
    expect(suggestions.map((suggestion) => suggestion.field)).toEqual(expect.arrayContaining(['user.lastSeenAt', 'user.reachable.whatsapp', 'event.cuisine']));
    expect(suggestions.filter((suggestion) => suggestion.field === 'tags.plan')).toHaveLength(1);
  });
});
