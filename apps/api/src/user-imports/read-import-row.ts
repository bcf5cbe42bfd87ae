import {
  checkTagValue,
  inferTagType,
  inferTagTypeFromText,
  normalizePhone,
  parseTagText,
  type TagType,
} from '@engine/journey';
import { emailProblems, isLanguageTag, isTimeZone, MAX_TAGS_PER_REQUEST, tagNameProblems, userIdProblems } from '../users/dto/user-field-rules';
import { type UserChanges } from '../users/user-changes';
import { type ImportColumn, importColumn, OPT_IN_CHANNELS, type OptInChannel } from './import-columns';

/** What the rows of one import share: the tag catalogue as known so far, and the import's default country. */
export interface ImportRowContext {
  /** Tag types by name: the catalogue, plus tags typed by earlier rows of this import. */
  types: ReadonlyMap<string, TagType>;
  defaultCountry: string | undefined;
}

/** A row read: the change to write and the tags it types first; or why the row is rejected. */
export type ReadRow = { ok: true; change: UserChanges; newTags: Array<{ name: string; type: TagType }> } | { ok: false; reason: string };

/**
 * One CSV row against the header's columns. An empty cell leaves that field or tag as it is (it
 * does not clear it). Every problem of the row is named in the reason, column by column.
 */
export function readCsvRow(fields: readonly string[], columns: readonly ImportColumn[], context: ImportRowContext): ReadRow {
  if (fields.length !== columns.length) return { ok: false, reason: `has ${fields.length} fields, the header has ${columns.length}` };
  const values = new Map<ImportColumn, string>();
  columns.forEach((column, index) => {
    if (fields[index] !== '') values.set(column, fields[index]);
  });
  return readRow(
    [...values].map(([column, text]) => ({ column, value: text, text: true })),
    context,
  );
}

/**
 * One NDJSON line: an object with `external_id` (or `id`, `userId`), the profile fields, `tags` as an
 * object and/or other keys as tags. Tag values are JSON (a number is a number).
 */
export function readJsonRow(value: unknown, context: ImportRowContext): ReadRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'is not a JSON object' };
  const cells: Cell[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key === 'tags') {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, reason: 'tags must be an object' };
      for (const [name, tagValue] of Object.entries(item as Record<string, unknown>)) cells.push({ column: { kind: 'tag', name }, value: tagValue, text: false });
      continue;
    }
    if (key === 'optIns' && typeof item === 'object' && item !== null && !Array.isArray(item)) {
      for (const [channel, optIn] of Object.entries(item as Record<string, unknown>)) {
        if (!(OPT_IN_CHANNELS as readonly string[]).includes(channel)) return { ok: false, reason: `optIns.${channel} is not a channel (${OPT_IN_CHANNELS.join(', ')})` };
        cells.push({ column: { kind: 'optIn', channel: channel as OptInChannel }, value: optIn, text: false });
      }
      continue;
    }
    cells.push({ column: importColumn(key), value: item, text: false });
  }
  return readRow(cells, context);
}

interface Cell {
  column: ImportColumn;
  value: unknown;
  /** A CSV cell (text to read by type) rather than a JSON value. */
  text: boolean;
}

function readRow(cells: readonly Cell[], context: ImportRowContext): ReadRow {
  const problems: string[] = [];
  const change: Omit<UserChanges, 'userId'> & { userId?: string } = {};
  const tags: Record<string, unknown> = {};
  const newTags: Array<{ name: string; type: TagType }> = [];
  for (const { column, value, text } of cells) {
    if (value === null || value === undefined) continue;
    switch (column.kind) {
      case 'id': {
        const id = typeof value === 'number' && !text ? String(value) : value;
        const problem = userIdProblems(id, 'external_id')[0];
        if (problem) problems.push(problem);
        else change.userId = id as string;
        break;
      }
      case 'phone': {
        if (typeof value !== 'string') {
          problems.push('phone must be text');
          break;
        }
        const phone = normalizePhone(value, context.defaultCountry);
        if ('problem' in phone) problems.push(`phone ${phone.problem}`);
        else if (!phone.valid) problems.push(`phone "${value}" is not a valid number${phone.country ? ` in ${phone.country}` : ''}`);
        else {
          change.phone = phone.e164;
          change.country = phone.country ?? null;
        }
        break;
      }
      case 'email': {
        const problem = emailProblems(value, 'email')[0];
        if (problem) problems.push(problem.replace('(or null to remove it)', '').trim() + (typeof value === 'string' ? `, not "${value}"` : ''));
        else change.email = value as string;
        break;
      }
      case 'language':
        if (isLanguageTag(value)) change.language = value as string;
        else problems.push(`language must be a language tag such as en or pt-BR, not ${JSON.stringify(value)}`);
        break;
      case 'timeZone':
        if (isTimeZone(value)) change.timeZone = value as string;
        else problems.push(`time_zone must be an IANA time zone such as Europe/Berlin, not ${JSON.stringify(value)}`);
        break;
      case 'optIn': {
        const optIn = text ? (value === 'true' ? true : value === 'false' ? false : undefined) : typeof value === 'boolean' ? value : undefined;
        if (optIn === undefined) problems.push(`opt_in_${column.channel} must be true or false, not ${JSON.stringify(value)}`);
        else change.optIns = { ...change.optIns, [column.channel]: optIn };
        break;
      }
      case 'tag': {
        const nameProblem = tagNameProblems(column.name, 'tag name')[0];
        if (nameProblem) {
          problems.push(nameProblem);
          break;
        }
        const known = context.types.get(column.name) ?? newTags.find((tag) => tag.name === column.name)?.type;
        const type = known ?? (text ? inferTagTypeFromText(value as string) : inferTagType(value));
        if (!type) {
          problems.push(`${column.name} has a value no tag type holds: ${JSON.stringify(value)}`);
          break;
        }
        const check = text ? parseTagText(type, value as string) : checkTagValue(type, value);
        if (!check.ok) {
          problems.push(`${column.name} ${check.problem}`);
          break;
        }
        tags[column.name] = check.value;
        if (!known) newTags.push({ name: column.name, type });
        break;
      }
    }
  }
  if (change.userId === undefined && !problems.some((problem) => problem.startsWith('external_id'))) problems.unshift('external_id is missing');
  if (Object.keys(tags).length > MAX_TAGS_PER_REQUEST) problems.push(`has more than ${MAX_TAGS_PER_REQUEST} tags`);
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, change: { ...change, userId: change.userId!, ...(Object.keys(tags).length > 0 ? { tags } : {}) }, newTags };
}
