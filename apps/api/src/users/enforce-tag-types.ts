import { checkTagsInOrder, type TagProblem } from '@engine/journey';
import { TagDefinitionStore } from '@engine/persistence';
import { type EntityManager } from 'typeorm';

/**
 * Checks the tags of several user writes against the project's catalogue, in order, and registers
 * the tags they write first (set-based, ON CONFLICT DO NOTHING). The catalogue is read again after
 * registering, so a concurrent first write that typed a tag differently is caught too. Returns each
 * write's problems; a write with problems must not be written.
 */
export async function enforceTagTypes(
  manager: EntityManager,
  projectId: string,
  writes: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>,
): Promise<TagProblem[][]> {
  const names = [...new Set(writes.flatMap((tags) => (tags ? Object.keys(tags) : [])))];
  if (names.length === 0) return writes.map(() => []);
  const first = checkTagsInOrder(writes, await TagDefinitionStore.typesOf(manager, projectId, names));
  if (first.created.length === 0) return first.problems;
  const registered = await TagDefinitionStore.register(manager, projectId, first.created);
  const types = await TagDefinitionStore.typesOf(manager, projectId, names);
  const raced = first.created.some((tag) => registered.get(tag.name) !== tag.type);
  if (!raced) return first.problems;
  const again = checkTagsInOrder(writes, types);
  return first.problems.map((problems, index) => (problems.length > 0 ? problems : again.problems[index]));
}

/** `users[3].tags.visits must be an integer, not "many"` */
export function describeTagProblems(problems: readonly TagProblem[], path: string): string[] {
  return problems.map(({ tag, problem }) => `${path}.tags.${tag} ${problem}`);
}
