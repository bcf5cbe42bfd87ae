import { checkConditionShape } from './check-condition-shape';

describe('checkConditionShape', () => {
  it('accepts every well-formed kind of condition', () => {
    const condition = {
      and: [
        { field: 'tags.plan', op: 'eq', value: 'pro' },
        { field: 'event.text', op: 'matches', value: '/^help$/i' },
        { field: 'user.language', op: 'in', value: ['de', 'en'] },
        { field: 'tags.vip', op: 'exists' },
        { or: [{ field: 'tags.age', op: 'gte', value: 18 }, { not: { field: 'tags.blocked', op: 'eq', value: true } }] },
        { history: { event: 'purchase', where: { field: 'event.amount', op: 'gt', value: 10 }, within: '30d', count: { op: 'gte', value: 2 } } },
        { field: 'tags.nickname', op: 'eq', value: null },
      ],
    };
    expect(checkConditionShape(condition, 'where')).toEqual([]);
  });

  it('names the path of a wrong operator', () => {
    expect(checkConditionShape({ and: [{ field: 'tags.a', op: 'eq', value: 1 }, { field: 'tags.b', op: 'equals', value: 1 }] }, 'where')).toEqual([
      'where.and[1].op must be one of eq, neq, gt, gte, lt, lte, contains, matches, exists, in',
    ]);
  });

  it('checks segment references are segment ids', () => {
    expect(checkConditionShape({ segment: '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a00' }, 'c')).toEqual([]);
    expect(checkConditionShape({ segment: 'vip' }, 'c')).toEqual(['c.segment must be the id of a saved segment']);
    expect(checkConditionShape({ segment: '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a00', extra: 1 }, 'c')).toEqual(['c.extra is not a known field']);
  });

  it('reports values that are not conditions', () => {
    expect(checkConditionShape(null, 'where')).toEqual(['where must be a condition: an object with field and op, history, and, or, not, or segment']);
    expect(checkConditionShape([], 'c')).toEqual(['c must be a condition: an object with field and op, history, and, or, not, or segment']);
    expect(checkConditionShape({}, 'c')).toEqual(['c must have one of field, history, and, or, not, segment']);
    expect(checkConditionShape({ and: [], or: [] }, 'c')).toEqual(['c must have only one of field, history, and, or, not, segment (it has and, or)']);
  });

  it('reports bad fields, values and unknown keys', () => {
    expect(checkConditionShape({ field: 'plan', op: 'eq', value: 1, extra: true }, 'c')).toEqual([
      'c.extra is not a known field',
      'c.field must be a field path starting with tags., event. or user. (e.g. tags.plan)',
    ]);
    expect(checkConditionShape({ field: 'user.age', op: 'eq', value: 1 }, 'c')).toEqual([
      'c.field must be one of user.id, user.email, user.phone, user.timeZone, user.language, user.country, user.firstSeenAt, user.lastSeenAt, user.lastInboundWhatsAppAt, user.reachable.<push|email|whatsapp|sms>, user.optIns.<push|email|whatsapp|sms>',
    ]);
    expect(checkConditionShape({ field: 'tags.a', op: 'eq' }, 'c')).toEqual(['c.value is required for "eq"']);
    expect(checkConditionShape({ field: 'tags.a', op: 'eq', value: { x: 1 } }, 'c')).toEqual([
      'c.value must be text, a number, true, false, null or a list of those',
    ]);
    expect(checkConditionShape({ field: 'tags.a', op: 'eq', value: Number.NaN }, 'c')).toEqual([
      'c.value must be text, a number, true, false, null or a list of those',
    ]);
    expect(checkConditionShape({ field: 'tags.a', op: 'in', value: 'x' }, 'c')).toEqual(['c.value must be a list for "in"']);
    expect(checkConditionShape({ field: 'tags.a', op: 'gt', value: true }, 'c')).toEqual(['c.value must be a number or a date for "gt"']);
    expect(checkConditionShape({ field: 'event.text', op: 'matches', value: 3 }, 'c')).toEqual([
      'c.value must be text (a keyword or a /regular expression/) for "matches"',
    ]);
    // The engine's own wording follows; its exact text depends on the JavaScript engine.
    expect(checkConditionShape({ field: 'event.text', op: 'matches', value: '/(/' }, 'c')).toEqual([
      expect.stringMatching(/^c\.value is not a usable pattern: the regular expression is invalid \(.*Unterminated group\)$/),
    ]);
  });

  it('reports bad history conditions', () => {
    expect(checkConditionShape({ history: 'purchase' }, 'c')).toEqual(['c.history must be an object with event, and optionally where, within and count']);
    expect(
      checkConditionShape({ history: { event: '', within: '0d', count: { op: 'about', value: 1.5 }, where: { or: 'x' }, since: 1 } }, 'c'),
    ).toEqual([
      'c.history.since is not a known field',
      'c.history.event must be an event name',
      'c.history.where.or must be a list of conditions',
      'c.history.within must be a duration longer than 0, such as 30d',
      'c.history.count.op must be one of eq, neq, gt, gte, lt, lte',
      'c.history.count.value must be a whole number of 0 or more',
    ]);
  });

  it('reports empty groups and walks into not', () => {
    expect(checkConditionShape({ not: { or: [] } }, 'c')).toEqual(['c.not.or must contain at least one condition']);
  });

  it('stops at absurd depth instead of overflowing the stack', () => {
    let deep: unknown = { field: 'tags.a', op: 'exists' };
    for (let level = 0; level < 10_000; level += 1) deep = { not: deep };
    expect(checkConditionShape(deep, 'c')).toEqual([`c${'.not'.repeat(65)} is nested too deeply (at most 64 levels)`]);
  });
});
