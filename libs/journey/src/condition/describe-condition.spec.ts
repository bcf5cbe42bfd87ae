import fc from 'fast-check';
import { type Condition } from './condition';
import { describeCondition } from './describe-condition';

describe('describeCondition', () => {
  it('describes field comparisons', () => {
    expect(describeCondition({ field: 'event.text', op: 'matches', value: 'help' })).toBe('event.text matches "help"');
    expect(describeCondition({ field: 'event.text', op: 'matches', value: '/^help$/i' })).toBe(
      'event.text matches /^help$/i',
    );
    expect(describeCondition({ field: 'tags.plan', op: 'in', value: ['pro', 'team'] })).toBe(
      'tags.plan is one of "pro", "team"',
    );
    expect(describeCondition({ field: 'tags.plan', op: 'eq', value: 'pro' })).toBe('tags.plan is "pro"');
    expect(describeCondition({ field: 'tags.plan', op: 'neq', value: 'pro' })).toBe('tags.plan is not "pro"');
    expect(describeCondition({ field: 'tags.age', op: 'gt', value: 18 })).toBe('tags.age is greater than 18');
    expect(describeCondition({ field: 'tags.age', op: 'gte', value: 18 })).toBe('tags.age is at least 18');
    expect(describeCondition({ field: 'tags.age', op: 'lt', value: 18 })).toBe('tags.age is less than 18');
    expect(describeCondition({ field: 'tags.age', op: 'lte', value: 18 })).toBe('tags.age is at most 18');
    expect(describeCondition({ field: 'event.text', op: 'contains', value: 'sale' })).toBe('event.text contains "sale"');
    expect(describeCondition({ field: 'user.email', op: 'exists' })).toBe('user.email exists');
    expect(describeCondition({ field: 'tags.list', op: 'eq', value: [1, 'a'] })).toBe('tags.list is [1, "a"]');
  });

  it('describes combinators with parentheses where needed', () => {
    const a: Condition = { field: 'tags.a', op: 'eq', value: 1 };
    const b: Condition = { field: 'tags.b', op: 'eq', value: 2 };
    const c: Condition = { field: 'tags.c', op: 'eq', value: 3 };
    expect(describeCondition({ and: [a, { or: [b, c] }] })).toBe('tags.a is 1 and (tags.b is 2 or tags.c is 3)');
    expect(describeCondition({ or: [a, { and: [b, c] }] })).toBe('tags.a is 1 or (tags.b is 2 and tags.c is 3)');
    expect(describeCondition({ and: [a, { and: [b, c] }] })).toBe('tags.a is 1 and tags.b is 2 and tags.c is 3');
    expect(describeCondition({ not: a })).toBe('not (tags.a is 1)');
    expect(describeCondition({ and: [] })).toBe('always');
    expect(describeCondition({ or: [] })).toBe('never');
  });

  it('describes history conditions', () => {
    expect(describeCondition({ history: { event: 'PW_PushOpened' } })).toBe('PW_PushOpened at least once');
    expect(describeCondition({ history: { event: 'Purchase', within: '30d', count: { op: 'eq', value: 0 } } })).toBe(
      'Purchase never within 30d',
    );
    expect(
      describeCondition({
        history: {
          event: 'Purchase',
          where: { field: 'event.amount', op: 'gt', value: 100 },
          count: { op: 'gte', value: 3 },
        },
      }),
    ).toBe('Purchase where event.amount is greater than 100 at least 3 times');
    expect(describeCondition({ history: { event: 'X', count: { op: 'lt', value: 2 } } })).toBe('X fewer than 2 times');
    expect(describeCondition({ history: { event: 'X', count: { op: 'gt', value: 1 } } })).toBe('X more than once');
    expect(describeCondition({ history: { event: 'X', count: { op: 'lte', value: 5 } } })).toBe('X at most 5 times');
    expect(describeCondition({ history: { event: 'X', count: { op: 'neq', value: 2 } } })).toBe('X not exactly 2 times');
  });

  it('says so for malformed conditions and never throws', () => {
    expect(describeCondition(null as unknown as Condition)).toBe('invalid condition');
    expect(describeCondition({ and: [null] } as unknown as Condition)).toBe('invalid condition');
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof describeCondition(value as Condition)).toBe('string');
      }),
    );
  });
});
