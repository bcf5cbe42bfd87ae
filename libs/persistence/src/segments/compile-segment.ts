import {
  checkConditionShape,
  classifyCondition,
  type Condition,
  type ConditionValue,
  type FieldCondition,
  type HistoryCondition,
  numericValue,
  parseDuration,
  parseIsoInstant,
  splitFieldPath,
} from '@engine/journey';
import { translatePattern, UntranslatablePattern } from './translate-pattern';

/**
 * A segment condition as SQL: `where` is a boolean expression over `users u` (alias `u`) whose
 * parameters are `params`, numbered from `$3`: `$1` is reserved for the project id and `$2` for
 * now (timestamptz). Build whole queries with `segmentCountQuery` / `segmentPageQuery`.
 */
export interface CompiledSegment {
  where: string;
  params: unknown[];
}

/** A condition that cannot be a segment, with every reason (each starts with its path in the condition). */
export class SegmentRefusal extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

export interface CompileSegmentOptions {
  /** The project's saved segments (conditions by id), for `{ segment: id }` references. A missing one is "nobody". */
  segments?: ReadonlyMap<string, Condition>;
}

// Parameters $1 and $2 are the caller's: the project id and now.
const FIRST_PARAM = 3;
const MAX_DEPTH = 64;
type Comparison = 'gt' | 'gte' | 'lt' | 'lte';
const SQL_ORDER: Record<Comparison, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** Where a field reads from: the user row, or (inside a history `where`) one event row `e`. */
type Scope = { kind: 'user' } | { kind: 'event' };

/**
 * Compiles a condition of the condition language into ONE SQL boolean expression over a user row,
 * with exactly `evaluateCondition`'s meaning: type coercions of compare-values.ts, missing and null
 * values (only `neq` holds), `contains`, keyword and regex `matches`, `in`, history counts as
 * correlated subqueries over `events`, and saved segments inlined. Pure: no clock, no database.
 * Throws SegmentRefusal for a malformed condition, an `event.*` field outside a history `where`,
 * a pattern PostgreSQL cannot run with the same meaning, or segments that refer to each other.
 */
export function compileSegment(condition: unknown, options: CompileSegmentOptions = {}): CompiledSegment {
  const shape = checkConditionShape(condition, 'condition');
  if (shape.length > 0) throw new SegmentRefusal(shape);
  const compiler = new Compiler(options.segments ?? new Map());
  const where = compiler.condition(condition, 'condition', { kind: 'user' }, 0, []);
  if (compiler.problems.length > 0) throw new SegmentRefusal(compiler.problems);
  return { where, params: compiler.params };
}

/** `SELECT count(*)` of a project's users in the segment. Parameters: `[projectId, now, ...compiled.params]`. */
export function segmentCountQuery(compiled: CompiledSegment, projectId: string, now: Date): { sql: string; params: unknown[] } {
  return { sql: `SELECT count(*)::int AS count FROM users u WHERE u.project_id = $1 AND $2::timestamptz IS NOT NULL AND (${compiled.where})`, params: [projectId, now, ...compiled.params] };
}

/** One keyset page of the segment's users (by id), optionally limited to `userIds`. */
export function segmentPageQuery(
  compiled: CompiledSegment,
  projectId: string,
  now: Date,
  page: { after?: string; limit: number; userIds?: readonly string[] },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [projectId, now, ...compiled.params];
  // $2 (now) is typed even when no history condition uses it.
  const filters = ['u.project_id = $1', '$2::timestamptz IS NOT NULL'];
  if (page.after !== undefined) {
    params.push(page.after);
    filters.push(`u.id > $${params.length}::uuid`);
  }
  if (page.userIds !== undefined) {
    params.push(page.userIds);
    filters.push(`u.id = ANY($${params.length}::uuid[])`);
  }
  params.push(page.limit);
  return {
    sql: `SELECT u.id, u.external_id, u.email, u.phone FROM users u WHERE ${filters.join(' AND ')} AND (${compiled.where}) ORDER BY u.id LIMIT $${params.length}`,
    params,
  };
}

/**
 * The segment's users among the next `scan` users of the project by id (after `after`): for a
 * launch, which walks the whole project in ranges, so each query evaluates a bounded slice however
 * few users match. Answers one row: `ids` (matching, by id) and `last` (the range's last user id,
 * null when the project has no users left).
 */
export function segmentScanQuery(
  compiled: CompiledSegment,
  projectId: string,
  now: Date,
  range: { after?: string; scan: number },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [projectId, now, ...compiled.params, range.after ?? '00000000-0000-0000-0000-000000000000', range.scan];
  const after = `$${params.length - 1}::uuid`;
  const scan = `$${params.length}::int`;
  return {
    sql: `WITH slice AS (SELECT id FROM users WHERE project_id = $1 AND id > ${after} ORDER BY id LIMIT ${scan})
      SELECT (SELECT id FROM slice ORDER BY id DESC LIMIT 1) AS last,
             array(SELECT u.id FROM users u JOIN slice ON slice.id = u.id WHERE $2::timestamptz IS NOT NULL AND (${compiled.where}) ORDER BY u.id) AS ids`,
    params,
  };
}

class Compiler {
  readonly params: unknown[] = [];
  readonly problems: string[] = [];

  constructor(private readonly segments: ReadonlyMap<string, Condition>) {}

  condition(value: unknown, path: string, scope: Scope, depth: number, segmentStack: string[]): string {
    if (depth > MAX_DEPTH) return 'FALSE';
    const classified = classifyCondition(value);
    switch (classified.kind) {
      case 'field':
        return this.field(classified.condition, path, scope);
      case 'history':
        if (scope.kind === 'event') {
          this.problems.push(`${path}: a history condition cannot be nested inside another history condition's where`);
          return 'FALSE';
        }
        return this.history(classified.condition.history, `${path}.history`, depth, segmentStack);
      case 'and':
        return `(${classified.condition.and.map((part, index) => this.condition(part, `${path}.and[${index}]`, scope, depth + 1, segmentStack)).join(' AND ') || 'TRUE'})`;
      case 'or':
        return `(${classified.condition.or.map((part, index) => this.condition(part, `${path}.or[${index}]`, scope, depth + 1, segmentStack)).join(' OR ') || 'FALSE'})`;
      case 'not':
        // Parts may be NULL where the evaluator says false: NOT must see false, not NULL.
        return `(NOT COALESCE(${this.condition(classified.condition.not, `${path}.not`, scope, depth + 1, segmentStack)}, FALSE))`;
      case 'segment': {
        const id = classified.condition.segment;
        if (scope.kind === 'event') {
          this.problems.push(`${path}.segment: a segment cannot be used inside a history condition's where`);
          return 'FALSE';
        }
        if (segmentStack.includes(id)) {
          this.problems.push(`${path}.segment: segment ${id} refers back to itself (${[...segmentStack, id].join(' -> ')})`);
          return 'FALSE';
        }
        const referenced = this.segments.get(id);
        // A deleted segment holds nobody, as in the engine (membership missing from the facts).
        if (referenced === undefined) return 'FALSE';
        return this.condition(referenced, `${path}.segment(${id})`, scope, depth + 1, [...segmentStack, id]);
      }
      case 'invalid':
        return 'FALSE';
    }
  }

  private param(value: unknown, cast: string): string {
    this.params.push(value);
    return `$${FIRST_PARAM + this.params.length - 1}::${cast}`;
  }

  private json(value: unknown): string {
    return this.param(JSON.stringify(value), 'jsonb');
  }

  /** The JSON value a field path reads (SQL NULL when missing), in `scope`. */
  private actual(field: string, path: string, scope: Scope): string | undefined {
    const split = splitFieldPath(field);
    if (split === undefined) return undefined;
    switch (split.root) {
      case 'tags':
        // Inside a history `where` the engine evaluates with empty tags.
        return scope.kind === 'event' ? 'NULL::jsonb' : readPath('u.tags', split.path, (key) => this.param(key, 'text'));
      case 'event':
        if (scope.kind !== 'event') {
          this.problems.push(`${path}.field: ${field} is an attribute of an event, which a segment does not have; use it inside a history condition's where`);
          return 'NULL::jsonb';
        }
        return readPath('e.attributes', split.path, (key) => this.param(key, 'text'));
      case 'user': {
        const name = split.path[0];
        if (scope.kind === 'event') return name === 'id' ? 'to_jsonb(e.user_id::text)' : 'NULL::jsonb';
        const column = { id: 'u.external_id', email: 'u.email', phone: 'u.phone', timeZone: 'u.time_zone', language: 'u.language' }[name];
        if (column === undefined) return undefined;
        // The engine's user facts leave out empty profile fields.
        return name === 'id' ? `to_jsonb(${column})` : `to_jsonb(NULLIF(${column}, ''))`;
      }
    }
  }

  private field(condition: FieldCondition, path: string, scope: Scope): string {
    const mark = this.params.length;
    const sql = this.fieldSql(condition, path, scope);
    // A test decided without reading the field (e.g. `gt "pro"` never holds) must not leave the
    // field's parameters behind: PostgreSQL refuses parameters a query does not use.
    if (/^\((TRUE|FALSE)\)$|^(TRUE|FALSE)$/.test(sql)) this.params.length = mark;
    return sql;
  }

  private fieldSql(condition: FieldCondition, path: string, scope: Scope): string {
    const actual = this.actual(condition.field, path, scope);
    if (actual === undefined) return condition.op === 'neq' ? 'TRUE' : 'FALSE';
    const present = `(${actual} IS NOT NULL AND jsonb_typeof(${actual}) <> 'null')`;
    const expected = condition.value;
    const test = (): string => {
      switch (condition.op) {
        case 'eq':
        case 'neq':
          return expected === null ? 'FALSE' : this.equals(actual, expected as ConditionValue);
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          return this.ordered(actual, expected, condition.op);
        case 'contains':
          return this.contains(actual, expected);
        case 'matches':
          return this.matches(actual, expected, path);
        case 'exists':
          return 'TRUE';
        case 'in':
          return Array.isArray(expected) && expected.some((option) => option !== null)
            ? `(${expected.filter((option) => option !== null).map((option) => this.equals(actual, option)).join(' OR ')})`
            : 'FALSE';
        default:
          return 'FALSE';
      }
    };
    if (condition.op === 'neq') return `(NOT ${present} OR NOT COALESCE(${test()}, FALSE))`;
    if (condition.op === 'exists') return present;
    // Every other test is false or NULL on a missing or JSON-null value, and NULL acts as false
    // through AND, OR and WHERE (only NOT tells them apart, and it coalesces): the bare test keeps
    // the SQL close to a hand-written one, so expression indexes on tags apply.
    return `(${test()})`;
  }

  /** valuesEqual(actual, expected) with `expected` known; `actual` may be JSON null (inside arrays). */
  private equals(actual: string, expected: ConditionValue): string {
    if (expected === null || typeof expected === 'boolean') return `(${actual} = ${this.json(expected)})`;
    if (typeof expected === 'number') return `(segment_number(${actual}) = ${this.param(expected, 'float8')})`;
    if (typeof expected === 'string') {
      const asNumber = numericValue(expected);
      const same = `(${actual} = ${this.json(expected)})`;
      return asNumber === undefined
        ? same
        : `(${same} OR (jsonb_typeof(${actual}) = 'number' AND segment_number(${actual}) = ${this.param(asNumber, 'float8')}))`;
    }
    const items = expected.map((item, index) => this.equals(`(${actual} -> ${index})`, item));
    return `(jsonb_typeof(${actual}) = 'array' AND jsonb_array_length(${actual}) = ${expected.length}${items.map((item) => ` AND ${item}`).join('')})`;
  }

  /** compareOrdered(actual, expected) against a known `expected`. */
  private ordered(actual: string, expected: unknown, op: Comparison): string {
    const sqlOp = SQL_ORDER[op];
    const expectedNumber = numericValue(expected);
    if (expectedNumber !== undefined) {
      const bound = this.param(expectedNumber, 'float8');
      // A date compares with an epoch-ms number, not with a numeric string.
      const asDate = typeof expected === 'number' ? `segment_instant(${actual}) ${sqlOp} ${bound}` : 'FALSE';
      return `(CASE WHEN segment_number(${actual}) IS NOT NULL THEN segment_number(${actual}) ${sqlOp} ${bound} ELSE ${asDate} END)`;
    }
    const expectedDate = parseIsoInstant(expected);
    if (expectedDate === undefined) return 'FALSE';
    const bound = this.param(expectedDate, 'float8');
    return `(CASE WHEN jsonb_typeof(${actual}) = 'number' THEN segment_number(${actual}) ${sqlOp} ${bound} ELSE segment_instant(${actual}) ${sqlOp} ${bound} END)`;
  }

  private contains(actual: string, expected: unknown): string {
    const element = `(EXISTS (SELECT 1 FROM jsonb_array_elements(${actual}) AS item(value) WHERE ${this.equals('item.value', expected as ConditionValue)}))`;
    const part = scalarText(expected);
    const text = part === undefined ? 'FALSE' : `(strpos(lower(segment_text(${actual})), lower(${this.param(part, 'text')})) > 0)`;
    return `(CASE WHEN jsonb_typeof(${actual}) = 'array' THEN ${element} ELSE ${text} END)`;
  }

  private matches(actual: string, expected: unknown, path: string): string {
    if (typeof expected !== 'string') return 'FALSE';
    try {
      const pattern = translatePattern(expected);
      if (pattern === undefined) return 'FALSE';
      const text = pattern.inputLimit === undefined ? `segment_text(${actual})` : `left(segment_text(${actual}), ${pattern.inputLimit})`;
      return `(${text} ${pattern.caseInsensitive ? '~*' : '~'} ${this.param(pattern.regex, 'text')})`;
    } catch (error) {
      if (!(error instanceof UntranslatablePattern)) throw error;
      this.problems.push(`${path}.value: the pattern ${expected} cannot be evaluated by the database: ${error.message}`);
      return 'FALSE';
    }
  }

  private history(history: HistoryCondition['history'], path: string, depth: number, segmentStack: string[]): string {
    const filters = ['e.user_id = u.id', `e.name = ${this.param(history.event, 'text')}`];
    const within = history.within === undefined ? undefined : parseDuration(history.within);
    // The engine counts events since now - within, or since the epoch without one.
    filters.push(within === undefined ? `e.occurred_at >= 'epoch'::timestamptz` : `e.occurred_at >= $2::timestamptz - ${this.param(within, 'float8')} * interval '1 millisecond'`);
    if (history.where !== undefined) filters.push(this.condition(history.where, `${path}.where`, { kind: 'event' }, depth + 1, segmentStack));
    const events = `FROM events e WHERE ${filters.join(' AND ')}`;
    const count = history.count ?? { op: 'gte' as const, value: 1 };
    const target = count.value;
    // "At least once" and "never" are an EXISTS; other counts count.
    if ((count.op === 'gte' && target === 1) || (count.op === 'gt' && target === 0)) return `(EXISTS (SELECT 1 ${events}))`;
    if ((count.op === 'eq' && target === 0) || (count.op === 'lt' && target === 1) || (count.op === 'lte' && target === 0)) return `(NOT EXISTS (SELECT 1 ${events}))`;
    const sqlOp = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }[count.op];
    return `((SELECT count(*) ${events}) ${sqlOp} ${this.param(target, 'int')})`;
  }
}

/**
 * `readPath` of resolve-field.ts in SQL: own keys only (an array has its indexes and `length`),
 * and a key that itself contains dots wins over descending.
 */
function readPath(root: string, path: readonly string[], key: (text: string) => string): string {
  if (path.length === 0) return root;
  if (path.length === 1 && root === 'u.tags') return `(${root} -> ${key(path[0])})`;
  const step = readOwn(root, path[0], key);
  const deeper = readPath(step, path.slice(1), key);
  if (path.length === 1) return step;
  return `(CASE WHEN jsonb_typeof(${root}) = 'object' AND ${root} ? ${key(path.join('.'))} THEN ${root} -> ${key(path.join('.'))} ELSE ${deeper} END)`;
}

function readOwn(value: string, name: string, key: (text: string) => string): string {
  const arrayPart = /^(0|[1-9]\d{0,8})$/.test(name)
    ? ` WHEN 'array' THEN ${value} -> ${Number(name)}`
    : name === 'length'
      ? ` WHEN 'array' THEN to_jsonb(jsonb_array_length(${value}))`
      : '';
  return `(CASE jsonb_typeof(${value}) WHEN 'object' THEN ${value} -> ${key(name)}${arrayPart} END)`;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
