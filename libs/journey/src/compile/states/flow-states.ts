import { evaluateCondition } from '../../condition/evaluate-condition';
import { durationMs } from '../../duration/duration';
import { type NodeOfType } from '../../format/journey-graph';
import { resolveWaitUntil } from '../../time/wait-until';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { eventFacts } from '../event-facts';
import { type JourneyContext } from '../journey-context';
import { TIMER_EVENT } from '../machine-event';
import { updateTags } from '../message-reactions';
import { enterNode, takeEventAttributes } from '../node-entry';
import { type Reaction, react } from '../reaction';
import { isCurrentTimer, startTimer } from '../timers';
import { type JourneyTransition, moveTo } from './journey-transition';
import { transientState } from './transient-state';
import { waitingState } from './waiting-state';

/** update.tags: ask for the profile update, apply it to the facts in hand, move on. */
export function updateTagsState(scope: CompileScope, node: NodeOfType<'update.tags'>): BuiltState {
  return {
    config: transientState(node, [react(updateTags(node))], [moveTo(scope.index.target(node, 'next'))]),
    listens: [],
  };
}

/**
 * wait.delay: schedule a timer at the moment `resolveWaitUntil` gives (in the user's time zone,
 * UTC when unknown) and leave on it. Even a moment already past goes through the timer, so a
 * loop through this node always ends the step.
 */
export function waitDelayState(scope: CompileScope, node: NodeOfType<'wait.delay'>): BuiltState {
  return waitingState(scope, node, {
    entry: [
      react((context, event) =>
        startTimer(
          node.id,
          context,
          resolveWaitUntil(node.data, {
            now: event.now,
            timeZone: context.user.timeZone ?? 'UTC',
            tags: context.user.tags,
            eventAttributes: context.eventAttributes,
          }),
        ),
      ),
    ],
    on: {
      [TIMER_EVENT]: [
        moveTo(scope.index.target(node, 'next'), ({ context, event }) => isCurrentTimer(context, event), [scope.absorb]),
      ],
    },
  });
}

/**
 * wait.event: each branch leaves on any of its events whose `where` holds (branches in order,
 * the first match wins; the event becomes `event.*` for what follows); the timeout timer leaves
 * by `timeout`.
 */
export function waitEventState(scope: CompileScope, node: NodeOfType<'wait.event'>): BuiltState {
  const timeoutMs = durationMs(node.data.timeout);
  const on: Record<string, JourneyTransition[]> = {};
  for (const branch of node.data.branches) {
    const target = scope.index.target(node, branch.id);
    for (const match of branch.events) {
      const where = match.where;
      (on[match.event] ??= []).push(
        moveTo(
          target,
          where === undefined ? undefined : ({ event }) => evaluateCondition(where, eventFacts(event), event.now),
          [scope.absorb, react(takeEventAttributes)],
        ),
      );
    }
  }
  on[TIMER_EVENT] = [
    moveTo(scope.index.target(node, 'timeout'), ({ context, event }) => isCurrentTimer(context, event), [scope.absorb]),
  ];
  return waitingState(scope, node, {
    entry: [react((context, event) => startTimer(node.id, context, event.now + timeoutMs))],
    on,
  });
}

/** exit: the instance is done. */
export function exitState(node: NodeOfType<'exit'>): BuiltState {
  const exitCompleted = (context: JourneyContext): Reaction => ({
    context,
    effects: [{ kind: 'exit', reason: 'completed', nodeId: node.id }],
  });
  return { config: { type: 'final', entry: [react(enterNode(node.id)), react(exitCompleted)] }, listens: [] };
}
