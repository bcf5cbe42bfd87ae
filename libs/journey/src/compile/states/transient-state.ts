import { type JourneyNode } from '../../format/journey-graph';
import { type JourneyStateConfig } from '../journey-setup';
import { enterNode } from '../node-entry';
import { type JourneyAction, react } from '../reaction';
import { type JourneyTransition } from './journey-transition';

/**
 * A node the user passes straight through in the same step: count the visit, run the node's own
 * entry actions, then leave by the first `always` transition whose guard holds.
 */
export function transientState(node: JourneyNode, entry: JourneyAction[], leave: JourneyTransition[]): JourneyStateConfig {
  return { entry: [react(enterNode(node.id)), ...entry], always: leave };
}
