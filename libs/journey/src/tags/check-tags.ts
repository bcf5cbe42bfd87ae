import { checkTagValue, inferTagType, type TagType } from './tag-type';

/** A tag a write would create, with the type its first value gave it. */
export interface NewTagDefinition {
  name: string;
  type: TagType;
}

export interface TagProblem {
  tag: string;
  problem: string;
}

/**
 * Checks a set of tag values against the catalogue (`types`, by tag name). Known tags must fit their
 * type; unknown ones get the type of their value and are returned in `created` (null clears and
 * creates nothing). Pure: the caller registers `created` and writes `tags`.
 */
export function checkTags(
  tags: Readonly<Record<string, unknown>>,
  types: ReadonlyMap<string, TagType>,
): { tags: Record<string, unknown>; problems: TagProblem[]; created: NewTagDefinition[] } {
  const accepted: Record<string, unknown> = {};
  const problems: TagProblem[] = [];
  const created: NewTagDefinition[] = [];
  for (const [tag, value] of Object.entries(tags)) {
    const known = types.get(tag);
    if (known) {
      const check = checkTagValue(known, value);
      if (check.ok) accepted[tag] = check.value;
      else problems.push({ tag, problem: check.problem });
      continue;
    }
    if (value === null) {
      accepted[tag] = null;
      continue;
    }
    const inferred = inferTagType(value);
    const check = inferred && checkTagValue(inferred, value);
    if (!inferred || !check || !check.ok) {
      problems.push({ tag, problem: check && !check.ok ? check.problem : 'has a value no tag type holds' });
      continue;
    }
    accepted[tag] = value;
    created.push({ name: tag, type: inferred });
  }
  return { tags: accepted, problems, created };
}

/**
 * Checks the tags of several writes in order (a batch of users, a chunk of an import): the first
 * write of an unknown tag types it for the writes after it. Returns each write's problems (an empty
 * list when it may be written) and the tags to register, each once with its first type.
 */
export function checkTagsInOrder(
  writes: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>,
  types: ReadonlyMap<string, TagType>,
): { problems: TagProblem[][]; created: NewTagDefinition[] } {
  const known = new Map(types);
  const created: NewTagDefinition[] = [];
  const problems = writes.map((tags) => {
    if (!tags) return [];
    const check = checkTags(tags, known);
    if (check.problems.length > 0) return check.problems;
    for (const tag of check.created) {
      known.set(tag.name, tag.type);
      created.push(tag);
    }
    return [];
  });
  return { problems, created };
}

/** A tag value a journey's `update.tags` step wanted to write and the catalogue's type refused. */
export interface RefusedTagWrite {
  tag: string;
  value: unknown;
  reason: string;
}

/**
 * Tags after an `update.tags` step, each changed value checked against the catalogue: a value of
 * the wrong type is not written (the tag keeps its earlier value) and is returned in `refused`; the
 * other changes are kept. Tags written for the first time get the type of their value (`created`).
 */
export function checkTagWrites(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  types: ReadonlyMap<string, TagType>,
): { tags: Record<string, unknown>; refused: RefusedTagWrite[]; created: NewTagDefinition[] } {
  const changed = Object.entries(after).filter(([tag, value]) => !Object.prototype.hasOwnProperty.call(before, tag) || !sameValue(before[tag], value));
  if (changed.length === 0) return { tags: { ...after }, refused: [], created: [] };
  const tags = { ...after };
  const refused: RefusedTagWrite[] = [];
  const created: NewTagDefinition[] = [];
  const known = new Map(types);
  for (const [tag, value] of changed) {
    const check = checkTags({ [tag]: value }, known);
    if (check.problems.length === 0) {
      for (const definition of check.created) {
        known.set(definition.name, definition.type);
        created.push(definition);
      }
      continue;
    }
    refused.push({ tag, value, reason: `${tag} ${check.problems[0].problem}` });
    if (Object.prototype.hasOwnProperty.call(before, tag)) tags[tag] = before[tag];
    else delete tags[tag];
  }
  return { tags, refused, created };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
