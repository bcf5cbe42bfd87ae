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
