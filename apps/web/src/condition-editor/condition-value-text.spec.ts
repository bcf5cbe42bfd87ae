import { describe, expect, it } from 'vitest';
import { formatConditionValue, parseConditionValue } from './condition-value-text';

describe('condition values typed as text', () => {
  it('reads numbers and booleans as such where they compare that way', () => {
    expect(parseConditionValue('42', 'eq')).toBe(42);
    expect(parseConditionValue('true', 'eq')).toBe(true);
    expect(parseConditionValue('2025-06-01', 'gte')).toBe('2025-06-01');
    expect(parseConditionValue('pro', 'neq')).toBe('pro');
  });

  it('keeps text for matches and contains', () => {
    expect(parseConditionValue('42', 'matches')).toBe('42');
    expect(parseConditionValue('/^(yes|y)$/i', 'matches')).toBe('/^(yes|y)$/i');
    expect(parseConditionValue(' help ', 'contains')).toBe(' help ');
  });

  it('reads lists for "is one of" and no value for "exists"', () => {
    expect(parseConditionValue('pro, team,  3', 'in')).toEqual(['pro', 'team', 3]);
    expect(parseConditionValue('anything', 'exists')).toBeUndefined();
    expect(formatConditionValue(['pro', 'team', 3])).toBe('pro, team, 3');
    expect(formatConditionValue(null)).toBe('');
  });
});
