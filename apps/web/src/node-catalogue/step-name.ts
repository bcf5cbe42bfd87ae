import { type JourneyGraph, type JourneyNode } from '@engine/journey';
import { withoutNodeSubject } from '../forms/problem-text';
import { NODE_TYPE_INFO } from './node-catalogue';
import { nodeSummary } from './node-summary';

/** A step's short name: its label, else its type's title (`Promo push`, `Engagement check`). */
export function stepTitle(node: Pick<JourneyNode, 'type' | 'label'>): string {
  return node.label?.trim() || NODE_TYPE_INFO[node.type].title;
}

/**
 * A step as a marketer knows it, never by its internal id: `Push “Promo push”` when it has a
 * name, else its type and key setting: `Push (“Your promo is here”)`, `Engagement check (Push opened within 4 h?)`.
 */
export function stepName(node: JourneyNode, graph: JourneyGraph): string {
  const title = NODE_TYPE_INFO[node.type].title;
  const label = node.label?.trim() ?? '';
  if (label !== '') return `${title} “${label}”`;
  const summary = nodeSummary(node, graph);
  return summary === '' || summary === '…' ? title : `${title} (${summary})`;
}

/**
 * A validation problem as the problems list shows it: the validator's subject (`Node "push" (Send
 * push): `, written for API users, with ids) replaced by the step's name.
 */
export function problemText(problem: { message: string; nodeId?: string }, graph: JourneyGraph): string {
  const rest = withoutNodeSubject(problem.message);
  const node = graph.nodes.find((candidate) => candidate.id === problem.nodeId);
  return rest === undefined || node === undefined ? problem.message : `${stepName(node, graph)}: ${rest}`;
}
