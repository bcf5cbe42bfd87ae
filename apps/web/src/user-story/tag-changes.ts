/** A tag row of the editor: its name and its value as typed. */
export interface TagRow {
  name: string;
  value: string;
}

/** The rows an editor starts with: values as JSON text, strings as they are. */
export function tagRows(tags: Record<string, unknown>): TagRow[] {
  return Object.entries(tags).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

/** A typed value: numbers, true/false, null, arrays and objects as JSON; anything else is text. */
function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (/^(-?\d+(\.\d+)?|true|false|null|\[.*\]|\{.*\})$/s.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * The `tags` of a PUT /users/:id that turns `before` into the edited rows: changed and new tags with
 * their values, removed ones as null (the API merges tags; null removes). Rows without a name are
 * ignored; a name given twice is a problem to show, not to save.
 */
export function tagChanges(before: Record<string, unknown>, rows: readonly TagRow[]): { tags: Record<string, unknown> } | { problem: string } {
  const after = new Map<string, unknown>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '') continue;
    if (after.has(name)) return { problem: `The tag “${name}” is listed twice.` };
    after.set(name, parseValue(row.value));
  }
  const tags: Record<string, unknown> = {};
  for (const name of Object.keys(before)) if (!after.has(name)) tags[name] = null;
  for (const [name, value] of after) if (JSON.stringify(before[name]) !== JSON.stringify(value)) tags[name] = value;
  return { tags };
}
