/** A path into the journey JSON: property names and array indexes. */
export type FieldPath = ReadonlyArray<string | number>;

/** `['data', 'quickReplies', 0, 'id']` -> `data.quickReplies[0].id`. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
