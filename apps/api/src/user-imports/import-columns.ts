import { tagNameProblems } from '../users/dto/user-field-rules';

export const OPT_IN_CHANNELS = ['push', 'email', 'whatsapp', 'sms'] as const;
export type OptInChannel = (typeof OPT_IN_CHANNELS)[number];

/** What a column of an import holds: a profile field, an opt-in, or (any other name) a tag. */
export type ImportColumn =
  | { kind: 'id' | 'phone' | 'email' | 'language' | 'timeZone' }
  | { kind: 'optIn'; channel: OptInChannel }
  | { kind: 'tag'; name: string };

/** Column names of the profile fields, as written in a header (case and `-`/`_` as given). */
const FIELD_COLUMNS: Record<string, ImportColumn> = {
  external_id: { kind: 'id' },
  id: { kind: 'id' },
  user_id: { kind: 'id' },
  userId: { kind: 'id' },
  phone: { kind: 'phone' },
  email: { kind: 'email' },
  language: { kind: 'language' },
  time_zone: { kind: 'timeZone' },
  timeZone: { kind: 'timeZone' },
  ...Object.fromEntries(OPT_IN_CHANNELS.map((channel) => [`opt_in_${channel}`, { kind: 'optIn', channel } satisfies ImportColumn])),
};

/** The column a name stands for: a profile field, an opt-in, or a tag. */
export function importColumn(name: string): ImportColumn {
  return Object.prototype.hasOwnProperty.call(FIELD_COLUMNS, name) ? FIELD_COLUMNS[name] : { kind: 'tag', name };
}

/**
 * Reads a CSV header: `external_id` (or `id`, `user_id`) is required, `phone`, `email`, `language`,
 * `time_zone`, `opt_in_<channel>` are profile fields, every other column is a tag. Problems name the
 * column: a missing id column, a repeated or empty name.
 */
export function readImportHeader(names: readonly string[]): { columns: ImportColumn[] } | { problems: string[] } {
  const problems: string[] = [];
  const columns = names.map((raw, index) => {
    const name = raw.trim();
    if (name === '') problems.push(`column ${index + 1} has no name`);
    const column = importColumn(name);
    if (column.kind === 'tag' && name !== '') {
      for (const problem of tagNameProblems(name, `column ${index + 1} ("${name}")`)) problems.push(problem);
    }
    return column;
  });
  const seen = new Map<string, number>();
  columns.forEach((column, index) => {
    const key = column.kind === 'tag' ? `tag:${column.name}` : column.kind === 'optIn' ? `optIn:${column.channel}` : column.kind;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`column ${index + 1} ("${names[index].trim()}") repeats column ${earlier + 1} ("${names[earlier].trim()}")`);
    else seen.set(key, index);
  });
  if (!columns.some((column) => column.kind === 'id')) {
    problems.push(`the header must name the user id column external_id (or id); it has ${names.map((name) => `"${name}"`).join(', ')}`);
  }
  return problems.length > 0 ? { problems } : { columns };
}
