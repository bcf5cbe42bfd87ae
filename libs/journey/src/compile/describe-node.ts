import { type JourneyNode } from '../format/journey-graph';

/** How compile errors name a node: its canvas label when it has one, and its id. */
export function describeNode(node: Pick<JourneyNode, 'id' | 'type' | 'label'>): string {
  const label = typeof node.label === 'string' && node.label.trim() !== '' ? node.label.trim() : undefined;
  return label === undefined || label === node.id
    ? `the ${node.type} node "${node.id}"`
    : `the ${node.type} node "${label}" (${node.id})`;
}
