import { parseDuration } from '../duration/duration';
import { COMPARISON_OPERATORS } from './condition';
import { USER_CHANNEL_FIELDS, USER_FIELDS, isUserFieldPath, splitFieldPath } from './resolve-field';
import { regexProblem } from './text-match';

// The evaluator gives up below this depth too; deeper conditions cannot come from the editor.
const MAX_DEPTH = 64;
const KIND_KEYS = ['field', 'history', 'and', 'or', 'not', 'segment'] as const;
const KEYS_BY_KIND: Record<(typeof KIND_KEYS)[number], readonly string[]> = {
  field: ['field', 'op', 'value'],
  history: ['history'],
  and: ['and'],
  or: ['or'],
  not: ['not'],
  segment: ['segment'],
};
const HISTORY_KEYS = ['event', 'where', 'within', 'count'];
const COUNT_KEYS = ['op', 'value'];
const COUNT_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'];
const ORDERED_OPERATORS = ['gt', 'gte', 'lt', 'lte'];
const SEGMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every structural problem of a (user-supplied) condition, as messages that start with the path
 * of the offending part, e.g. `where.and[1].op must be one of eq, neq, ...`. Empty when the
 * condition is well-formed. Never throws.
 */
export function checkConditionShape(value: unknown, path: string): string[] {
  const messages: string[] = [];
  checkCondition(value, path, 0, messages);
  return messages;
}

function checkCondition(value: unknown, path: string, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH) {
    out.push(`${path} is nested too deeply (at most ${MAX_DEPTH} levels)`);
    return;
  }
  if (!isRecord(value)) {
    out.push(`${path} must be a condition: an object with field and op, history, and, or, not, or segment`);
    return;
  }
  const kinds = KIND_KEYS.filter((key) => hasOwn(value, key));
  if (kinds.length !== 1) {
    out.push(
      kinds.length === 0
        ? `${path} must have one of field, history, and, or, not, segment`
        : `${path} must have only one of field, history, and, or, not, segment (it has ${kinds.join(', ')})`,
    );
    return;
  }
  const kind = kinds[0];
  reportUnknownKeys(value, KEYS_BY_KIND[kind], path, out);
  switch (kind) {
    case 'field':
      checkFieldCondition(value, path, out);
      return;
    case 'history':
      checkHistoryCondition(value.history, `${path}.history`, depth, out);
      return;
    case 'and':
    case 'or':
      checkConditionList(value[kind], `${path}.${kind}`, depth, out);
      return;
    case 'not':
      checkCondition(value.not, `${path}.not`, depth + 1, out);
      return;
    case 'segment':
      if (typeof value.segment !== 'string' || !SEGMENT_ID.test(value.segment)) out.push(`${path}.segment must be the id of a saved segment`);
      return;
  }
}

function checkFieldCondition(condition: Record<string, unknown>, path: string, out: string[]): void {
  const { field, op } = condition;
  const split = splitFieldPath(field);
  if (split === undefined) {
    out.push(`${path}.field must be a field path starting with tags., event. or user. (e.g. tags.plan)`);
  } else if (split.root === 'user' && !isUserFieldPath(split.path)) {
    out.push(
      `${path}.field must be one of ${[...USER_FIELDS.map((name) => `user.${name}`), ...USER_CHANNEL_FIELDS.map((name) => `user.${name}.<push|email|whatsapp|sms>`)].join(', ')}`,
    );
  }
  if (typeof op !== 'string' || !(COMPARISON_OPERATORS as readonly string[]).includes(op)) {
    out.push(`${path}.op must be one of ${COMPARISON_OPERATORS.join(', ')}`);
    return;
  }
  if (op === 'exists') return;
  const value = condition.value;
  if (value === undefined) {
    out.push(`${path}.value is required for "${op}"`);
    return;
  }
  if (!isConditionValue(value, 0)) {
    out.push(`${path}.value must be text, a number, true, false, null or a list of those`);
    return;
  }
  if (op === 'in' && !Array.isArray(value)) {
    out.push(`${path}.value must be a list for "in"`);
  } else if (op === 'matches') {
    if (typeof value !== 'string') {
      out.push(`${path}.value must be text (a keyword or a /regular expression/) for "matches"`);
    } else {
      const problem = regexProblem(value);
      if (problem !== undefined) out.push(`${path}.value is not a usable pattern: ${problem}`);
    }
  } else if (ORDERED_OPERATORS.includes(op) && typeof value !== 'number' && typeof value !== 'string') {
    out.push(`${path}.value must be a number or a date for "${op}"`);
  }
}

function checkHistoryCondition(history: unknown, path: string, depth: number, out: string[]): void {
  if (!isRecord(history)) {
    out.push(`${path} must be an object with event, and optionally where, within and count`);
    return;
  }
  reportUnknownKeys(history, HISTORY_KEYS, path, out);
  if (typeof history.event !== 'string' || history.event.trim() === '') {
    out.push(`${path}.event must be an event name`);
  }
  if (history.where !== undefined) checkCondition(history.where, `${path}.where`, depth + 1, out);
  if (history.within !== undefined) {
    const ms = typeof history.within === 'string' ? parseDuration(history.within) : undefined;
    if (ms === undefined || ms === 0) out.push(`${path}.within must be a duration longer than 0, such as 30d`);
  }
  if (history.count !== undefined) checkHistoryCount(history.count, `${path}.count`, out);
}

function checkHistoryCount(count: unknown, path: string, out: string[]): void {
  if (!isRecord(count)) {
    out.push(`${path} must be an object with op and value`);
    return;
  }
  reportUnknownKeys(count, COUNT_KEYS, path, out);
  if (typeof count.op !== 'string' || !COUNT_OPERATORS.includes(count.op)) {
    out.push(`${path}.op must be one of ${COUNT_OPERATORS.join(', ')}`);
  }
  if (typeof count.value !== 'number' || !Number.isInteger(count.value) || count.value < 0) {
    out.push(`${path}.value must be a whole number of 0 or more`);
  }
}

function checkConditionList(list: unknown, path: string, depth: number, out: string[]): void {
  if (!Array.isArray(list)) {
    out.push(`${path} must be a list of conditions`);
    return;
  }
  if (list.length === 0) out.push(`${path} must contain at least one condition`);
  // An index loop, not forEach: holes of a sparse array are reported too.
  for (let index = 0; index < list.length; index += 1) {
    checkCondition(list[index], `${path}[${index}]`, depth + 1, out);
  }
}

function reportUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, out: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) out.push(`${path}.${key} is not a known field`);
  }
}

function isConditionValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value) || depth >= MAX_DEPTH) return false;
  for (let index = 0; index < value.length; index += 1) {
    if (!isConditionValue(value[index], depth + 1)) return false;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
