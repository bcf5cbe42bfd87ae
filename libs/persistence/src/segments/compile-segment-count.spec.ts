import fc from 'fast-check';
import {
  checkConditionShape,
  classifyCondition,
  type Condition,
  type ConditionFacts,
  type ConditionValue,
  evaluateCondition,
  historyKey,
  type HistoryCondition,
  parseDuration,
} from '@engine/journey';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { compileSegment, segmentCountQuery, SegmentRefusal } from './compile-segment';

// Generated users and events, generated conditions: PostgreSQL's count of the compiled segment
// must equal evaluateCondition run in the test over the same rows.
const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const VALUES: ConditionValue[] = ['pro', 'Pro', 'free', '42', ' 42 ', '4.5', 42, 4.5, 0, -1, true, false, null, '2026-05-01', '2026-05-20T10:00:00Z', 'I need help', 'helpful', 'asian food', ['a', 'b'], ['pro'], [42], []];
const TAG_NAMES = ['plan', 'age', 'city', 'list', 'signup', 'nested', 'a.b'];
const EVENT_NAMES = ['Order', 'Open', 'Signup'];

const tagValue = fc.constantFrom<unknown>(...VALUES, { city: 'Berlin', zip: 10115 }, { b: 'pro' });
const users = fc.array(
  fc.record({
    tags: fc.dictionary(fc.constantFrom(...TAG_NAMES), tagValue, { maxKeys: 5 }),
    email: fc.constantFrom(null, '', 'anna@example.com', 'bob@shop.example'),
    language: fc.constantFrom(null, 'en', 'de'),
    events: fc.array(
      fc.record({
        name: fc.constantFrom(...EVENT_NAMES),
        daysAgo: fc.integer({ min: 0, max: 120 }),
        attributes: fc.dictionary(fc.constantFrom('cuisine', 'amount', 'text', 'items'), tagValue, { maxKeys: 3 }),
      }),
      { maxLength: 6 },
    ),
  }),
  { minLength: 300, maxLength: 300 },
);

const field = (roots: string[]) => fc.constantFrom(...roots);
const operator = fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'matches', 'exists', 'in');
const patterns = fc.constantFrom('help', 'pro', 'asian food', '/^p/i', '/\\d+/', '/o$/', '/h.l/', '/^[a-f]/', '/\\bhelp\\b/');
function fieldCondition(roots: string[]): fc.Arbitrary<Condition> {
  return fc.tuple(field(roots), operator, fc.constantFrom(...VALUES), patterns).map(([f, op, value, pattern]) => {
    if (op === 'exists') return { field: f, op };
    if (op === 'in') return { field: f, op, value: Array.isArray(value) ? value : [value, 'pro'] };
    if (op === 'matches') return { field: f, op, value: pattern };
    return { field: f, op, value };
  });
}
const userFields = ['tags.plan', 'tags.age', 'tags.city', 'tags.list', 'tags.signup', 'tags.nested.city', 'tags.a.b', 'tags.list.0', 'tags.list.length', 'user.email', 'user.language', 'user.id'];
const eventFields = ['event.cuisine', 'event.amount', 'event.text', 'event.items', 'event.items.0'];
const history: fc.Arbitrary<Condition> = fc
  .record({
    event: fc.constantFrom(...EVENT_NAMES),
    where: fc.option(fieldCondition(eventFields), { nil: undefined }),
    within: fc.option(fc.constantFrom('7d', '30d', '90d'), { nil: undefined }),
    count: fc.option(fc.record({ op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte'), value: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
  })
  .map((h) => ({ history: Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as HistoryCondition['history'] }));
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 3 },
    fieldCondition(userFields),
    history,
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
    tie('condition').map((not) => ({ not })),
  ),
}));

type GeneratedUser = { id: string; externalId: string; tags: Record<string, unknown>; email: string | null; language: string | null; events: Array<{ name: string; occurredAt: number; attributes: Record<string, unknown> }> };

function historiesOf(value: Condition, out: Array<HistoryCondition['history']> = []): Array<HistoryCondition['history']> {
  const c = classifyCondition(value);
  if (c.kind === 'history') out.push(c.condition.history);
  if (c.kind === 'and') c.condition.and.forEach((part) => historiesOf(part, out));
  if (c.kind === 'or') c.condition.or.forEach((part) => historiesOf(part, out));
  if (c.kind === 'not') historiesOf(c.condition.not, out);
  return out;
}

/** The engine's facts for a user: profile as userFacts builds it, history counted as load-batch counts it. */
function factsOf(user: GeneratedUser, cond: Condition): ConditionFacts {
  const counts: Record<string, number> = {};
  for (const query of historiesOf(cond)) {
    const since = query.within === undefined ? 0 : NOW - parseDuration(query.within)!;
    counts[historyKey(query)] = user.events.filter(
      (event) =>
        event.name === query.event &&
        event.occurredAt >= since &&
        (query.where === undefined || evaluateCondition(query.where, { user: { id: user.id, tags: {} }, event: event.attributes }, NOW)),
    ).length;
  }
  return {
    user: { id: user.externalId, tags: user.tags, ...(user.email ? { email: user.email } : {}), ...(user.language ? { language: user.language } : {}) },
    history: counts,
  };
}

describe('compiled segments count what evaluateCondition says', () => {
  let db: TestDatabase;
  let projectId: string;
  let population: GeneratedUser[];

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: projectId }] = await db.dataSource.query(`INSERT INTO projects (name) VALUES ('Segments') RETURNING id`);
    const generated = fc.sample(users, { numRuns: 1, seed: 42 })[0];
    const ids = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO users (project_id, external_id, tags, email, language)
       SELECT $1, 'user-' || n, t, e, l FROM unnest($2::jsonb[], $3::text[], $4::text[]) WITH ORDINALITY AS x(t, e, l, n) ORDER BY n RETURNING id`,
      [projectId, generated.map((u) => JSON.stringify(u.tags)), generated.map((u) => u.email), generated.map((u) => u.language)],
    );
    population = generated.map((user, index) => ({
      id: ids[index].id,
      externalId: `user-${index + 1}`,
      tags: user.tags,
      email: user.email,
      language: user.language,
      events: user.events.map((event) => ({ name: event.name, occurredAt: NOW - event.daysAgo * DAY - 1000, attributes: event.attributes })),
    }));
    const events = population.flatMap((user) => user.events.map((event) => ({ user: user.id, ...event })));
    await db.dataSource.query(
      `INSERT INTO events (project_id, user_id, name, attributes, occurred_at)
       SELECT $1, u, n, a, to_timestamp(t / 1000.0) FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::float8[]) AS x(u, n, a, t)`,
      [projectId, events.map((e) => e.user), events.map((e) => e.name), events.map((e) => JSON.stringify(e.attributes)), events.map((e) => e.occurredAt)],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  async function sqlCount(cond: Condition): Promise<number> {
    const query = segmentCountQuery(compileSegment(cond), projectId, new Date(NOW));
    const [{ count }] = await db.dataSource.query<Array<{ count: number }>>(query.sql, query.params);
    return count;
  }

  it('for generated conditions', async () => {
    await fc.assert(
      fc.asyncProperty(condition.filter((cond) => checkConditionShape(cond, 'condition').length === 0), async (cond) => {
        const expected = population.filter((user) => evaluateCondition(cond, factsOf(user, cond), NOW)).length;
        expect(await sqlCount(cond)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('for saved segments referenced by id, inlined', async () => {
    const inner: Condition = { field: 'tags.plan', op: 'eq', value: 'pro' };
    const id = '00000000-0000-4000-8000-000000000001';
    const compiled = compileSegment({ or: [{ segment: id }, { field: 'tags.age', op: 'gt', value: 40 }] }, { segments: new Map([[id, inner]]) });
    const query = segmentCountQuery(compiled, projectId, new Date(NOW));
    const [{ count }] = await db.dataSource.query<Array<{ count: number }>>(query.sql, query.params);
    const cond: Condition = { or: [inner, { field: 'tags.age', op: 'gt', value: 40 }] };
    expect(count).toBe(population.filter((user) => evaluateCondition(cond, factsOf(user, cond), NOW)).length);
  });
});

describe('compileSegment refuses', () => {
  const refusal = (cond: unknown, options = {}) => {
    try {
      compileSegment(cond, options);
    } catch (error) {
      if (error instanceof SegmentRefusal) return error.problems;
      throw error;
    }
    return [];
  };

  it('event fields outside a history where, naming the path', () => {
    expect(refusal({ and: [{ field: 'tags.plan', op: 'exists' }, { field: 'event.text', op: 'eq', value: 'x' }] })).toEqual([
      expect.stringMatching(/^condition\.and\[1\]\.field: event\.text is an attribute of an event/),
    ]);
  });

  it('malformed conditions with the shape checker’s paths', () => {
    expect(refusal({ field: 'plan', op: 'eq', value: 1 })[0]).toMatch(/^condition\.field must be a field path/);
    expect(refusal({ field: 'tags.plan', op: 'like', value: 1 })[0]).toMatch(/^condition\.op must be one of/);
    expect(refusal({ field: 'tags.plan', op: 'matches', value: '/(/' })[0]).toMatch(/^condition\.value is not a usable pattern/);
  });

  it('patterns PostgreSQL cannot run with the same meaning', () => {
    expect(refusal({ field: 'tags.plan', op: 'matches', value: '/(a)\\1/' })[0]).toMatch(/^condition\.value: .*the escape \\1/);
    expect(refusal({ field: 'tags.plan', op: 'matches', value: '/^a/m' })[0]).toMatch(/m \(multi-line\) flag/);
    expect(refusal({ field: 'tags.plan', op: 'matches', value: '/(?<x>a)/' })[0]).toMatch(/named or flagged group/);
  });

  it('segments that refer to themselves', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const segments = new Map<string, Condition>([
      [a, { segment: b }],
      [b, { or: [{ segment: a }] }],
    ]);
    expect(refusal({ segment: a }, { segments })[0]).toMatch(/refers back to itself/);
  });

  it('nothing about a reference to a deleted segment (it holds nobody)', () => {
    expect(compileSegment({ segment: '00000000-0000-4000-8000-00000000000c' }).where).toBe('FALSE');
  });
});
