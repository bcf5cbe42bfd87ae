import { evaluateCondition } from '../../condition/evaluate-condition';
import { type NodeOfType } from '../../format/journey-graph';
import { type EntryNodeType } from '../../format/node-types';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { eventFacts } from '../event-facts';
import { ENTER_EVENT } from '../machine-event';
import { enterJourney } from '../node-entry';
import { react } from '../reaction';
import { type JourneyTransition, moveTo } from './journey-transition';
import { transientState } from './transient-state';

/**
 * The pseudo state before entry. An `entry.event` node enters on its event when `where` holds
 * (the first such node in graph order wins); `entry.segment` / `entry.api` nodes enter on
 * `journey.enter` naming them. The entering event does not count towards goals.
 */
export function startState(scope: CompileScope): BuiltState {
  const on: Record<string, JourneyTransition[]> = {};
  const add = (type: string, transition: JourneyTransition) => (on[type] ??= []).push(transition);
  for (const node of scope.index.graph.nodes) {
    if (node.type === 'entry.event') {
      const where = node.data.where;
      add(
        node.data.event,
        moveTo(
          node.id,
          where === undefined ? undefined : ({ event }) => evaluateCondition(where, eventFacts(event), event.now),
          [react(enterJourney)],
        ),
      );
    } else if (node.type === 'entry.segment' || node.type === 'entry.api') {
      add(ENTER_EVENT, moveTo(node.id, ({ event }) => event.entryNodeId === node.id, [react(enterJourney)]));
    }
  }
  return { config: { on }, listens: Object.keys(on).filter((type) => type !== ENTER_EVENT) };
}

/** An entry node passes the user on to its `next` node. */
export function entryNodeState(scope: CompileScope, node: NodeOfType<EntryNodeType>): BuiltState {
  return { config: transientState(node, [], [moveTo(scope.index.target(node, 'next'))]), listens: [] };
}
