import { checkConditionShape, type Condition } from '@engine/journey';
import { describe, expect, it } from 'vitest';
import { type GroupKind, groupCondition, groupItemPath, readGroup, readRow, withNegation } from './condition-layout';
import { catalogueFieldSuggestions } from './condition-vocabulary';

const plan: Condition = { field: 'tags.plan', op: 'eq', value: 'pro' };
const bought: Condition = { history: { event: 'Purchase', within: '30d' } };

describe('how the editor lays out a condition', () => {
  it('shows and, or and a not around either as groups, and builds the same condition back', () => {
    const kinds: GroupKind[] = ['and', 'or', 'not-and', 'not-or'];
    for (const kind of kinds) {
      const condition = groupCondition(kind, [plan, bought]);
      expect(checkConditionShape(condition, 'condition')).toEqual([]);
      expect(readGroup(condition)).toEqual({ kind, items: [plan, bought] });
    }
    expect(groupCondition('not-or', [plan])).toEqual({ not: { or: [plan] } });
    expect(readGroup(plan)).toBeUndefined();
    expect(readGroup({ not: plan })).toBeUndefined();
    expect(readGroup({ not: { not: { and: [plan] } } })).toBeUndefined();
  });

  it('shows a field or past-event condition, negated or not, as a row', () => {
    expect(readRow(plan)).toEqual({ kind: 'field', condition: plan, negated: false });
    expect(readRow({ not: plan })).toEqual({ kind: 'field', condition: plan, negated: true });
    expect(readRow({ not: bought })).toEqual({ kind: 'history', condition: bought, negated: true });
    expect(readRow({ not: { not: plan } })).toBeUndefined();
    expect(readRow({ and: [plan] })).toBeUndefined();
    expect(withNegation(plan, true)).toEqual({ not: plan });
    expect(withNegation(plan, false)).toBe(plan);
    expect(checkConditionShape(withNegation(bought, true), 'condition')).toEqual([]);
  });

  it('names the items of a group as the validator does', () => {
    expect(groupItemPath('and', 'data.where', 1)).toBe('data.where.and[1]');
    expect(groupItemPath('or', 'data.where', 0)).toBe('data.where.or[0]');
    expect(groupItemPath('not-or', 'data.where', 2)).toBe('data.where.not.or[2]');
    expect(groupItemPath('not-and', 'data.where.and[0]', 0)).toBe('data.where.and[0].not.and[0]');
  });
});

describe('field suggestions from the events catalogue', () => {
  it('suggests the catalogue attributes with their types, first where events are in hand', () => {
    const received = [
      { attributes: [{ name: 'cuisine', type: 'string' }, { name: 'amount', type: 'number' }] },
      { attributes: [{ name: 'amount', type: 'string' }, { name: 'text', type: 'string' }] },
    ];
    const suggestions = catalogueFieldSuggestions('event', received);
    expect(suggestions.slice(0, 3)).toEqual([
      { field: 'event.amount', label: 'number or string' },
      { field: 'event.cuisine', label: 'string' },
      { field: 'event.text', label: 'string' },
    ]);
    expect(suggestions.filter((suggestion) => suggestion.field === 'event.text')).toHaveLength(1);
    expect(catalogueFieldSuggestions('profile', received)[0]).toEqual({ field: 'tags.first_name' });
  });
});
