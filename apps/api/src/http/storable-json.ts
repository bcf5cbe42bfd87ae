/** Real documents nest a few levels (node data, conditions, attributes); deeper input is refused before storage. */
export const MAX_JSON_DEPTH = 100;

/**
 * What keeps a value from being stored as jsonb: nesting deeper than MAX_JSON_DEPTH (PostgreSQL
 * and recursive readers would run out of stack), a NUL character or an unpaired surrogate (jsonb
 * refuses both). Walks iteratively so deep input cannot overflow the stack here either.
 */
export function storableJsonProblems(value: unknown, property: string): string[] {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current, property);
      if (problem) return [problem];
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) return [`${property} must not be nested more than ${MAX_JSON_DEPTH} levels deep`];
    for (const [key, item] of Object.entries(current)) {
      const problem = textProblem(key, property);
      if (problem) return [problem];
      pending.push({ value: item, depth: depth + 1 });
    }
  }
  return [];
}

/** PostgreSQL refuses NUL characters, and jsonb unpaired surrogates (text columns would silently mangle them). */
export function textProblem(text: string, property: string): string | undefined {
  if (text.includes('\u0000')) return `${property} must not contain the NUL character (\\u0000)`;
  if (/\p{Cs}/u.test(text)) return `${property} must be valid Unicode text (it contains an unpaired surrogate)`;
  return undefined;
}
