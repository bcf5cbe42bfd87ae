import fc from 'fast-check';
import { describeApiWithoutDatabase } from '../src/openapi/describe-api-without-database';
import { hostileJson, toJsonText } from './hostile-json';
import { type DocumentedRoute, documentedRoutes } from './openapi-routes';
import { startTestApp, type TestApp } from './test-app';

/** Fixed, so a failure replays; fast-check prints it (with the path to the smallest failing body) on failure. */
const SEED = Number(process.env['HOSTILE_BODIES_SEED'] ?? 20261203);
const RUNS = Number(process.env['HOSTILE_BODIES_RUNS'] ?? 400);

/** Tables a request writes itself (not the workers later), so a refused body must leave their counts as they were. */
const WRITTEN_TABLES = ['events', 'users', 'journeys', 'journey_versions', 'channel_settings', 'whatsapp_templates', 'project_event_names'];

/** Not JSON at all, or JSON that is no object: each route must refuse these too. */
const BROKEN_TEXTS = ['', '{', '{"a":1', 'null', '[]', '"text"', '1e308', '{"a":1}}', '\u0000', '{"__proto__":'];

/**
 * Query values as they go on the wire (already percent-encoded): huge or negative numbers, dates out
 * of range, NUL, an encoded lone surrogate (not UTF-8), a stray %.
 */
const HOSTILE_QUERY_VALUES = ['', '0', '-1', '1e308', '8640000000000001', 'NaN', 'null', 'true', '%00', '%ED%A0%80', '%', '%2B275760-09-13T00%3A00%3A00.001Z', 'not-a-uuid', 'x'.repeat(300)];

describe('hostile bodies and queries on every documented route (property-based)', () => {
  let t: TestApp;
  let routes: DocumentedRoute[];
  let journeyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    routes = documentedRoutes(await describeApiWithoutDatabase());
    journeyId = ((await t.http().post('/api/v1/journeys').set(t.auth).send({ name: 'Fuzzed' }).expect(201)).body as { id: string }).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const writtenRows = async (): Promise<Record<string, number>> => {
    const [row] = await t.db.dataSource.query<Array<Record<string, number>>>(
      `SELECT ${WRITTEN_TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
    );
    return row;
  };

  /** Plausible values for a path parameter: the document's own enum, an existing id, an unknown one, a malformed one. */
  const pathValue = (name: string, allowed: string[] | undefined): fc.Arbitrary<string> => {
    if (allowed) return fc.constantFrom(...allowed);
    if (name === 'id') return fc.constantFrom(journeyId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid');
    if (name === 'version') return fc.constantFrom('1', '2', '0', '-1', '1e308', 'x');
    if (name === 'userId') return fc.constantFrom('fuzz-user', 'batch', '%00', 'x'.repeat(300));
    return fc.constantFrom('fuzz', 'a.b.c', '');
  };

  /** A query string of hostile values (sent as written), names repeated at will (`?limit=1e308&limit=&status[constructor]=x`). */
  const query = (names: string[]): fc.Arbitrary<string> =>
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...names, 'constructor', '__proto__', `${names[0] ?? 'x'}[constructor]`, `${names[0] ?? 'x'}[]`),
          fc.oneof(fc.constantFrom(...HOSTILE_QUERY_VALUES), fc.string({ maxLength: 8 }).map(encodeURIComponent)),
        ),
        { maxLength: names.length > 0 ? 4 : 1 },
      )
      .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&')}`));

  const request = (): fc.Arbitrary<{ route: DocumentedRoute; url: string; body: string }> =>
    fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        url: fc
          .tuple(...route.pathParameters.map((parameter) => pathValue(parameter.name, parameter.allowed)))
          .map((values) =>
            route.pathParameters.reduce((url, parameter, index) => url.replace(`{${parameter.name}}`, encodeURIComponent(values[index])), route.path),
          )
          .chain((path) => query(route.queryParameterNames).map((search) => `${path}${search}`)),
        body: fc.oneof(
          { weight: 8, arbitrary: fc.array(fc.tuple(fc.constantFrom(...route.bodyFieldNames, '__proto__', 'constructor'), hostileJson(route.bodyFieldNames)), { maxLength: 6 }).map((entries) => toJsonText({ entries })) },
          { weight: 2, arbitrary: hostileJson(route.bodyFieldNames).map(toJsonText) },
          { weight: 1, arbitrary: fc.constantFrom(...BROKEN_TEXTS) },
        ),
      }),
    );

  it(`answers no 5xx and stores nothing of a refused body (${RUNS} requests, seed ${SEED})`, async () => {
    expect(routes.length).toBeGreaterThan(30);
    await fc.assert(
      fc.asyncProperty(request(), async ({ route, url, body }) => {
        const before = await writtenRows();
        const response = await t.http()[route.method](url).set(t.auth).set('Content-Type', 'application/json').send(body);
        const what = `${route.method.toUpperCase()} ${url} ${body} -> ${response.status} ${JSON.stringify(response.body)}`;
        if (response.status >= 500) throw new Error(`5xx: ${what}`);
        if (response.status >= 400) expect({ what, rows: await writtenRows() }).toEqual({ what, rows: before });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);
});
