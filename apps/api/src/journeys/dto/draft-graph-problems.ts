import { storableJsonProblems } from '../../http/storable-json';

/** Drafts larger than this are refused: the canvas cannot show them and validation would crawl. */
export const MAX_DRAFT_NODES = 2000;
export const MAX_DRAFT_EDGES = 10_000;
/**
 * Problems that keep a draft from being saved. Drafts may be incomplete or invalid (the canvas
 * autosaves), so only the envelope is checked: the validator reports everything else.
 */
export function draftGraphProblems(value: unknown, property: string): string[] {
  if (!isPlainObject(value)) return [`${property} must be an object with formatVersion, nodes, edges and settings`];
  const problems: string[] = [];
  if (value['formatVersion'] !== 1) problems.push(`${property}.formatVersion must be 1`);
  const nodes = value['nodes'];
  if (!Array.isArray(nodes)) problems.push(`${property}.nodes must be an array`);
  else if (nodes.length > MAX_DRAFT_NODES) problems.push(`${property}.nodes must contain at most ${MAX_DRAFT_NODES} nodes`);
  const edges = value['edges'];
  if (!Array.isArray(edges)) problems.push(`${property}.edges must be an array`);
  else if (edges.length > MAX_DRAFT_EDGES) problems.push(`${property}.edges must contain at most ${MAX_DRAFT_EDGES} edges`);
  if (!isPlainObject(value['settings'])) problems.push(`${property}.settings must be an object`);
  return problems.length > 0 ? problems : storableJsonProblems(value, property);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
