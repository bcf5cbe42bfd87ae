import { type FieldPath } from './field-path';

/** Deeper than any journey needs (conditions nest at most 64 levels), shallow enough for any stack. */
export const MAX_JSON_DEPTH = 128;
/** More values than any journey has; a bound on the work for shared (non-tree) JS objects. */
export const MAX_JSON_VALUES = 1_000_000;

export interface NonJsonFinding {
  /** `gap`: an array with holes; `cycle`: an object containing itself; `depth`/`size`: over the bounds. */
  reason: 'gap' | 'cycle' | 'depth' | 'size';
  path: FieldPath;
}

interface Frame {
  value: object;
  key: string | number | undefined;
  entries: Array<[string | number, unknown]>;
  next: number;
}

/**
 * The first place where `root` could not have come from JSON.parse, or is too big to check.
 * JavaScript callers can pass such values; class-transformer would recurse forever into a cycle
 * or overflow the stack, and class-validator skips array holes, so they are caught first.
 * Iterative, so it never overflows the stack itself.
 */
export function findNonJson(root: unknown): NonJsonFinding | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const frames: Frame[] = [];
  const ancestors = new Set<object>();
  let visited = 0;
  const pathTo = (key: string | number | undefined): FieldPath => {
    const path = frames.slice(1).map((frame) => frame.key as string | number);
    return key === undefined ? path : [...path, key];
  };
  const enter = (value: object, key: string | number | undefined): NonJsonFinding | undefined => {
    if (ancestors.has(value)) return { reason: 'cycle', path: pathTo(key) };
    if (frames.length >= MAX_JSON_DEPTH) return { reason: 'depth', path: pathTo(key) };
    let entries: Array<[string | number, unknown]>;
    if (Array.isArray(value)) {
      entries = [];
      for (let index = 0; index < value.length; index += 1) {
        if (!(index in value)) return { reason: 'gap', path: pathTo(key) };
        entries.push([index, value[index]]);
      }
    } else {
      entries = Object.entries(value);
    }
    frames.push({ value, key, entries, next: 0 });
    ancestors.add(value);
    return undefined;
  };

  const rootFinding = enter(root, undefined);
  if (rootFinding !== undefined) return rootFinding;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.entries.length) {
      frames.pop();
      ancestors.delete(frame.value);
      continue;
    }
    const [key, child] = frame.entries[frame.next];
    frame.next += 1;
    visited += 1;
    if (visited > MAX_JSON_VALUES) return { reason: 'size', path: [] };
    if (typeof child === 'object' && child !== null) {
      const finding = enter(child, key);
      if (finding !== undefined) return finding;
    }
  }
  return undefined;
}
