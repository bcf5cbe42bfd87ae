/**
 * Keys that name members of Object.prototype's machinery. class-transformer reads `constructor` as
 * the class to build (a 500 when it is data) and drops `__proto__` and `constructor` without a word,
 * Nest's ValidationPipe deletes all three, and code reading `object[key]` finds Object.prototype's
 * members for them when the key is missing. No route can carry them faithfully, so they are refused.
 */
export const PROTOTYPE_NAMED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The paths of every prototype-named key in a parsed JSON value (`attributes.car.constructor`,
 * `users[3].__proto__`), each as a message naming it. Walks iteratively, so deep input cannot
 * overflow the stack here; `prefix` names the value itself (empty for a whole body).
 */
export function prototypeNamedKeyProblems(value: unknown, prefix = ''): string[] {
  const problems: string[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: prefix }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (Array.isArray(current.value)) {
      current.value.forEach((item: unknown, index) => {
        if (typeof item === 'object' && item !== null) pending.push({ value: item, path: `${current.path}[${index}]` });
      });
      continue;
    }
    for (const [key, item] of Object.entries(current.value)) {
      const path = current.path === '' ? key : `${current.path}.${key}`;
      if (PROTOTYPE_NAMED_KEYS.has(key)) problems.push(`${path}: a key may not be named ${key} (it collides with JavaScript object internals)`);
      else if (typeof item === 'object' && item !== null) pending.push({ value: item, path });
    }
  }
  return problems;
}
