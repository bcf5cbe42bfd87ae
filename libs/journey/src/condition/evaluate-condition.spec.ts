import fc from 'fast-check';
import { type Condition, type ConditionFacts, type FieldCondition } from './condition';
import { evaluateCondition } from './evaluate-condition';
import { historyKey } from './history-key';

const NOW = Date.UTC(2025, 5, 1, 12, 0);

const facts: ConditionFacts = {
  user: {
    id: 'u1',
    email: 'ana@example.com',
    phone: '+4915100000000',
    timeZone: 'Europe/Berlin',
    language: 'de',
    tags: {
      plan: 'pro',
      age: 34,
      score: '42',
      vip: true,
      cleared: null,
      interests: ['shoes', 'bags', 7],
      address: { city: 'Berlin', zip: '10115' },
      'address.country': 'DE',
      signup: '2025-01-15',
      renewal: '2025-07-01T10:00:00Z',
      tuple: [1, 'a'],
    },
  },
  event: { text: 'I need help', code: 1234, items: [{ sku: 'A1' }] },
};

function check(field: string, op: FieldCondition['op'], value?: FieldCondition['value'], on = facts): boolean {
  return evaluateCondition({ field, op, value }, on, NOW);
}

function withText(text: unknown): ConditionFacts {
  return { user: { id: 'u1', tags: {} }, event: { text } };
}

describe('evaluateCondition: fields', () => {
  it('reads tags, event attributes, nested paths, dotted tag names and profile fields', () => {
    expect(check('tags.plan', 'eq', 'pro')).toBe(true);
    expect(check('tags.address.city', 'eq', 'Berlin')).toBe(true);
    expect(check('tags.address.country', 'eq', 'DE')).toBe(true);
    expect(check('event.text', 'eq', 'I need help')).toBe(true);
    expect(check('event.items.0.sku', 'eq', 'A1')).toBe(true);
    expect(check('user.id', 'eq', 'u1')).toBe(true);
    expect(check('user.email', 'eq', 'ana@example.com')).toBe(true);
    expect(check('user.phone', 'eq', '+4915100000000')).toBe(true);
    expect(check('user.timeZone', 'eq', 'Europe/Berlin')).toBe(true);
    expect(check('user.language', 'eq', 'de')).toBe(true);
  });

  it('treats unknown roots, unknown user fields and prototype keys as missing', () => {
    expect(check('plan', 'exists')).toBe(false);
    expect(check('profile.plan', 'exists')).toBe(false);
    expect(check('user.tags', 'exists')).toBe(false);
    expect(check('user.reachable', 'exists')).toBe(false);
    expect(check('tags.constructor', 'exists')).toBe(false);
    expect(check('tags.__proto__', 'exists')).toBe(false);
    expect(check('tags.plan.length', 'exists')).toBe(false);
    expect(check('tags.', 'exists')).toBe(false);
    expect(check('tags..plan', 'exists')).toBe(false);
  });

  it('is false for a missing field with every operator but neq, and null counts as missing', () => {
    for (const field of ['tags.nope', 'tags.cleared', 'event.nope', 'user.nope']) {
      expect(check(field, 'eq', 'x')).toBe(false);
      expect(check(field, 'neq', 'x')).toBe(true);
      expect(check(field, 'gt', 1)).toBe(false);
      expect(check(field, 'gte', 1)).toBe(false);
      expect(check(field, 'lt', 1)).toBe(false);
      expect(check(field, 'lte', 1)).toBe(false);
      expect(check(field, 'contains', 'x')).toBe(false);
      expect(check(field, 'matches', 'x')).toBe(false);
      expect(check(field, 'exists')).toBe(false);
      expect(check(field, 'in', ['x'])).toBe(false);
    }
    expect(check('event.text', 'eq', 'x', { user: { id: 'u', tags: {} } })).toBe(false);
  });
});

describe('evaluateCondition: eq / neq', () => {
  it('compares strings case-sensitively', () => {
    expect(check('tags.plan', 'eq', 'pro')).toBe(true);
    expect(check('tags.plan', 'eq', 'Pro')).toBe(false);
    expect(check('tags.plan', 'neq', 'Pro')).toBe(true);
    expect(check('tags.plan', 'neq', 'pro')).toBe(false);
  });

  it('compares numbers and numeric strings as numbers', () => {
    expect(check('tags.age', 'eq', 34)).toBe(true);
    expect(check('tags.age', 'eq', '34')).toBe(true);
    expect(check('tags.age', 'eq', '34.0')).toBe(true);
    expect(check('tags.score', 'eq', 42)).toBe(true);
    expect(check('tags.score', 'eq', '42')).toBe(true);
    expect(check('tags.score', 'eq', '42.0')).toBe(false);
    expect(check('tags.age', 'eq', 35)).toBe(false);
    expect(check('tags.age', 'eq', '')).toBe(false);
    expect(check('tags.age', 'neq', 35)).toBe(true);
  });

  it('does not coerce booleans or strings of other kinds', () => {
    expect(check('tags.vip', 'eq', true)).toBe(true);
    expect(check('tags.vip', 'eq', 'true')).toBe(false);
    expect(check('tags.vip', 'eq', 1)).toBe(false);
    expect(check('tags.plan', 'eq', null)).toBe(false);
  });

  it('compares arrays and objects element by element', () => {
    expect(check('tags.tuple', 'eq', [1, 'a'])).toBe(true);
    expect(check('tags.tuple', 'eq', ['1', 'a'])).toBe(true);
    expect(check('tags.tuple', 'eq', ['a', 1])).toBe(false);
    expect(check('tags.tuple', 'eq', [1])).toBe(false);
    expect(check('tags.address', 'eq', { zip: '10115', city: 'Berlin' } as unknown as FieldCondition['value'])).toBe(
      true,
    );
    expect(check('tags.address', 'eq', 'Berlin')).toBe(false);
  });
});

describe('evaluateCondition: gt / gte / lt / lte', () => {
  it('orders numbers and numeric strings', () => {
    expect(check('tags.age', 'gt', 33)).toBe(true);
    expect(check('tags.age', 'gt', 34)).toBe(false);
    expect(check('tags.age', 'gte', 34)).toBe(true);
    expect(check('tags.age', 'lt', 34)).toBe(false);
    expect(check('tags.age', 'lte', 34)).toBe(true);
    expect(check('tags.score', 'gt', 9)).toBe(true);
    expect(check('tags.score', 'lt', '100')).toBe(true);
  });

  it('orders ISO dates as dates', () => {
    expect(check('tags.signup', 'gt', '2025-01-14')).toBe(true);
    expect(check('tags.signup', 'gt', '2025-01-15')).toBe(false);
    expect(check('tags.signup', 'gte', '2025-01-15T00:00:00Z')).toBe(true);
    expect(check('tags.signup', 'lt', '2025-01-15T00:00:01Z')).toBe(true);
    // 10:00Z is 12:00 in +02:00.
    expect(check('tags.renewal', 'lt', '2025-07-01T12:00:00+02:00')).toBe(false);
    expect(check('tags.renewal', 'lt', '2025-07-01T12:00:01+02:00')).toBe(true);
    expect(check('tags.renewal', 'gt', '2025-07-01T11:59:59+02:00')).toBe(true);
    expect(check('tags.renewal', 'eq', '2025-07-01T12:00:00+02:00')).toBe(false);
    expect(check('tags.renewal', 'lte', '2025-07-01T12:00:00+02:00')).toBe(true);
    // An epoch ms number orders against an ISO date.
    expect(check('tags.signup', 'lt', Date.UTC(2025, 0, 16))).toBe(true);
  });

  it('is false for values that do not order', () => {
    expect(check('tags.plan', 'gt', 'a')).toBe(false);
    expect(check('tags.plan', 'lt', 'z')).toBe(false);
    expect(check('tags.vip', 'gt', 0)).toBe(false);
    expect(check('tags.age', 'gt', null)).toBe(false);
    expect(check('tags.age', 'gt', [1])).toBe(false);
    expect(check('tags.signup', 'gt', 'yesterday')).toBe(false);
    expect(check('tags.signup', 'gt', '2025-13-45')).toBe(false);
    expect(check('tags.interests', 'gt', 1)).toBe(false);
  });
});

describe('evaluateCondition: contains', () => {
  it('finds a substring ignoring case', () => {
    expect(check('event.text', 'contains', 'HELP')).toBe(true);
    expect(check('event.text', 'contains', 'need h')).toBe(true);
    expect(check('event.text', 'contains', 'helpful')).toBe(false);
    expect(check('event.code', 'contains', '23')).toBe(true);
    expect(check('event.code', 'contains', 23)).toBe(true);
  });

  it('finds an element in an array with eq semantics', () => {
    expect(check('tags.interests', 'contains', 'bags')).toBe(true);
    expect(check('tags.interests', 'contains', 'Bags')).toBe(false);
    expect(check('tags.interests', 'contains', 'bag')).toBe(false);
    expect(check('tags.interests', 'contains', '7')).toBe(true);
  });

  it('is false for other types', () => {
    expect(check('tags.vip', 'contains', 'true')).toBe(false);
    expect(check('tags.address', 'contains', 'Berlin')).toBe(false);
    expect(check('event.text', 'contains', null)).toBe(false);
    expect(check('event.text', 'contains', ['help'])).toBe(false);
  });
});

describe('evaluateCondition: matches', () => {
  const matches = (text: unknown, pattern: unknown): boolean =>
    evaluateCondition({ field: 'event.text', op: 'matches', value: pattern as string }, withText(text), NOW);

  it('matches a keyword as a whole word, ignoring case and spaces', () => {
    expect(matches('Help', 'help')).toBe(true);
    expect(matches('help', 'help')).toBe(true);
    expect(matches('HELP', 'help')).toBe(true);
    expect(matches(' help! ', 'help')).toBe(true);
    expect(matches('I need help', 'help')).toBe(true);
    expect(matches('help me please', 'help')).toBe(true);
    expect(matches('helpful', 'help')).toBe(false);
    expect(matches('unhelp', 'help')).toBe(false);
    expect(matches('help_desk', 'help')).toBe(false);
    expect(matches('PROMO', 'promo')).toBe(true);
    expect(matches('promo', 'PROMO')).toBe(true);
    expect(matches('Send me the PROMO code', ' promo ')).toBe(true);
    expect(matches('promotion', 'promo')).toBe(false);
    expect(matches('', 'promo')).toBe(false);
  });

  it('matches multi-word keywords, keywords with punctuation and other scripts', () => {
    expect(matches('I NEED   help now', 'need help')).toBe(true);
    expect(matches('I needed help', 'need help')).toBe(false);
    expect(matches('wow!!', 'wow!')).toBe(true);
    expect(matches('a+1 b', '+1')).toBe(true);
    expect(matches('Hilfe bitte', 'HILFE')).toBe(true);
    expect(matches('Ärger', 'ärger')).toBe(true);
    expect(matches('Hilfeanfrage', 'hilfe')).toBe(false);
    expect(matches('price (usd)', '(usd)')).toBe(true);
  });

  it('treats an empty keyword as matching nothing', () => {
    expect(matches('anything', '')).toBe(false);
    expect(matches('anything', '   ')).toBe(false);
  });

  it('tests /regex/flags patterns as JavaScript regular expressions', () => {
    expect(matches('HELP', '/^(help|promo)$/i')).toBe(true);
    expect(matches('promo', '/^(help|promo)$/i')).toBe(true);
    expect(matches('HELP', '/^(help|promo)$/')).toBe(false);
    expect(matches('help me', '/^(help|promo)$/i')).toBe(false);
    expect(matches('order 12345', '/\\d{5}/')).toBe(true);
    expect(matches('a/b', '/a\\/b/')).toBe(true);
  });

  it('ignores the g and y flags so repeated tests give the same answer', () => {
    expect(matches('help', '/help/g')).toBe(true);
    expect(matches('help', '/help/g')).toBe(true);
    expect(matches('help', '/help/gy')).toBe(true);
  });

  it('is false for invalid, unknown-flag or over-long regexes, never a throw', () => {
    expect(matches('help', '/(/')).toBe(false);
    expect(matches('help', '/[a-/')).toBe(false);
    expect(matches('help', '/help/x')).toBe(false);
    expect(matches('a'.repeat(10), `/${'a'.repeat(201)}/`)).toBe(false);
    expect(matches('a'.repeat(200), `/${'a'.repeat(200)}/`)).toBe(true);
  });

  it('tests a regex on the first 4096 characters only', () => {
    expect(matches(`${'x'.repeat(4090)}needle`, '/needle/')).toBe(true);
    expect(matches(`${'x'.repeat(4091)}needle`, '/needle/')).toBe(false);
    // Keywords read the whole text.
    expect(matches(`${'x '.repeat(5000)}needle`, 'needle')).toBe(true);
  });

  it('reads numbers as text and is false for other types or non-string patterns', () => {
    expect(matches(1234, '1234')).toBe(true);
    expect(matches(true, 'true')).toBe(false);
    expect(matches(['help'], 'help')).toBe(false);
    expect(matches({ text: 'help' }, 'help')).toBe(false);
    expect(matches('help', 1)).toBe(false);
    expect(matches('help', ['help'])).toBe(false);
  });
});

describe('evaluateCondition: exists / in', () => {
  it('exists is true for any present non-null value, including falsy ones', () => {
    const on: ConditionFacts = { user: { id: 'u', tags: { zero: 0, empty: '', no: false, none: null } } };
    expect(check('tags.zero', 'exists', undefined, on)).toBe(true);
    expect(check('tags.empty', 'exists', undefined, on)).toBe(true);
    expect(check('tags.no', 'exists', undefined, on)).toBe(true);
    expect(check('tags.none', 'exists', undefined, on)).toBe(false);
  });

  it('in compares with eq semantics against each option', () => {
    expect(check('tags.plan', 'in', ['pro', 'team'])).toBe(true);
    expect(check('tags.plan', 'in', ['Pro', 'team'])).toBe(false);
    expect(check('tags.age', 'in', ['34', 40])).toBe(true);
    expect(check('tags.age', 'in', [])).toBe(false);
    expect(check('tags.plan', 'in', 'pro')).toBe(false);
    expect(check('tags.plan', 'in', null)).toBe(false);
    expect(check('tags.tuple', 'in', [[1, 'a'], 'x'])).toBe(true);
  });

  it('an unknown operator is false', () => {
    expect(evaluateCondition({ field: 'tags.plan', op: 'like', value: 'pro' } as unknown as Condition, facts, NOW)).toBe(
      false,
    );
  });
});

describe('evaluateCondition: combinators', () => {
  const yes: Condition = { field: 'tags.plan', op: 'eq', value: 'pro' };
  const no: Condition = { field: 'tags.plan', op: 'eq', value: 'free' };

  it('combines with and / or / not', () => {
    expect(evaluateCondition({ and: [yes, yes] }, facts, NOW)).toBe(true);
    expect(evaluateCondition({ and: [yes, no] }, facts, NOW)).toBe(false);
    expect(evaluateCondition({ or: [no, yes] }, facts, NOW)).toBe(true);
    expect(evaluateCondition({ or: [no, no] }, facts, NOW)).toBe(false);
    expect(evaluateCondition({ not: no }, facts, NOW)).toBe(true);
    expect(evaluateCondition({ not: yes }, facts, NOW)).toBe(false);
    expect(evaluateCondition({ and: [yes, { or: [no, { not: no }] }] }, facts, NOW)).toBe(true);
  });

  it('an empty and is true, an empty or is false', () => {
    expect(evaluateCondition({ and: [] }, facts, NOW)).toBe(true);
    expect(evaluateCondition({ or: [] }, facts, NOW)).toBe(false);
  });

  it('malformed conditions are false', () => {
    const malformed = [
      null,
      undefined,
      42,
      'tags.plan',
      [],
      {},
      { and: 'x' },
      { or: {} },
      { and: [], or: [] },
      { field: 'tags.plan', op: 'eq', value: 'pro', and: [] },
      { field: 3, op: 'eq' },
      { field: 'tags.plan' },
      { history: 'PW_PushOpened' },
      { history: { event: 3 } },
    ];
    for (const condition of malformed) {
      expect(evaluateCondition(condition as unknown as Condition, facts, NOW)).toBe(false);
    }
    expect(evaluateCondition({ and: [yes, null as unknown as Condition] }, facts, NOW)).toBe(false);
  });

  it('survives nesting far beyond any sane depth', () => {
    let deep: Condition = yes;
    for (let i = 0; i < 10_000; i += 1) deep = { and: [deep] };
    expect(evaluateCondition(deep, facts, NOW)).toBe(false);
    let shallow: Condition = yes;
    for (let i = 0; i < 50; i += 1) shallow = { not: { not: shallow } };
    expect(evaluateCondition({ and: [shallow] }, facts, NOW)).toBe(false);
    let fine: Condition = yes;
    for (let i = 0; i < 30; i += 1) fine = { or: [fine] };
    expect(evaluateCondition(fine, facts, NOW)).toBe(true);
  });
});

describe('evaluateCondition: history', () => {
  const opened = { event: 'PW_PushOpened', within: '7d' };
  const withCount = (count: number | undefined): ConditionFacts => ({
    ...facts,
    history: count === undefined ? {} : { [historyKey(opened)]: count },
  });

  it('defaults to "at least once" and reads a missing count as 0', () => {
    expect(evaluateCondition({ history: opened }, withCount(1), NOW)).toBe(true);
    expect(evaluateCondition({ history: opened }, withCount(0), NOW)).toBe(false);
    expect(evaluateCondition({ history: opened }, withCount(undefined), NOW)).toBe(false);
    expect(evaluateCondition({ history: opened }, facts, NOW)).toBe(false);
    expect(evaluateCondition({ history: { ...opened, count: { op: 'eq', value: 0 } } }, facts, NOW)).toBe(true);
  });

  it('compares the count with each operator', () => {
    const at = (op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', value: number, count: number): boolean =>
      evaluateCondition({ history: { ...opened, count: { op, value } } }, withCount(count), NOW);
    expect(at('eq', 3, 3)).toBe(true);
    expect(at('eq', 3, 2)).toBe(false);
    expect(at('neq', 3, 2)).toBe(true);
    expect(at('gt', 3, 3)).toBe(false);
    expect(at('gt', 3, 4)).toBe(true);
    expect(at('gte', 3, 3)).toBe(true);
    expect(at('lt', 3, 2)).toBe(true);
    expect(at('lt', 3, 3)).toBe(false);
    expect(at('lte', 3, 3)).toBe(true);
    expect(at('lte', 3, 4)).toBe(false);
  });

  it('finds the count whatever the property order of the condition', () => {
    const reordered = { within: '7d', event: 'PW_PushOpened' };
    expect(evaluateCondition({ history: reordered }, withCount(2), NOW)).toBe(true);
  });

  it('is false for a malformed count or stored count', () => {
    const bad = { ...opened, count: { op: 'about', value: 1 } } as unknown as typeof opened;
    expect(evaluateCondition({ history: bad }, withCount(5), NOW)).toBe(false);
    const badValue = { ...opened, count: { op: 'gte', value: '1' } } as unknown as typeof opened;
    expect(evaluateCondition({ history: badValue }, withCount(5), NOW)).toBe(false);
    const stored = { ...facts, history: { [historyKey(opened)]: 'many' } } as unknown as ConditionFacts;
    expect(evaluateCondition({ history: opened }, stored, NOW)).toBe(false);
  });
});

describe('evaluateCondition: never throws', () => {
  it('on arbitrary JSON conditions and facts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (condition, someFacts) => {
        expect(typeof evaluateCondition(condition as unknown as Condition, someFacts as unknown as ConditionFacts, NOW)).toBe(
          'boolean',
        );
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary values, including non-JSON ones', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (condition, someFacts) => {
        expect(typeof evaluateCondition(condition as Condition, someFacts as ConditionFacts, NOW)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('on well-shaped conditions over arbitrary facts', () => {
    const field = fc.constantFrom('tags.a', 'tags.a.b', 'event.text', 'user.email', 'user.id', 'nope.x', 'tags');
    const op = fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'matches', 'exists', 'in');
    const leaf = fc.record({ field, op, value: fc.jsonValue() });
    const condition = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }),
        fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) }),
        fc.record({ not: tie('node') }),
        fc.record({ history: fc.record({ event: fc.string(), within: fc.string() }) }),
      ),
    })).node;
    const someFacts = fc.record({
      user: fc.record({ id: fc.string(), tags: fc.dictionary(fc.constantFrom('a', 'b'), fc.jsonValue()) }),
      event: fc.dictionary(fc.constantFrom('text', 'a'), fc.jsonValue()),
    });
    fc.assert(
      fc.property(condition, someFacts, (c, f) => {
        expect(typeof evaluateCondition(c as unknown as Condition, f as ConditionFacts, NOW)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('evaluateCondition: saved segments', () => {
  const id = '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a00';
  const user = { id: 'u', tags: {} };
  it('holds when the facts say the user is in the segment, and not when missing or false', () => {
    expect(evaluateCondition({ segment: id }, { user, segments: { [id]: true } }, 0)).toBe(true);
    expect(evaluateCondition({ segment: id }, { user, segments: { [id]: false } }, 0)).toBe(false);
    expect(evaluateCondition({ segment: id }, { user }, 0)).toBe(false);
    expect(evaluateCondition({ not: { segment: id } }, { user }, 0)).toBe(true);
  });
});
