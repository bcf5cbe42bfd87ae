import { evaluateCondition } from '../../condition/evaluate-condition';
import { durationMs } from '../../duration/duration';
import { type NodeOfType } from '../../format/journey-graph';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { ENGAGEMENT_EVENTS_BY_CHANNEL, decideEngagement, engagedInTime, engagementDeadline, recordEngagement } from '../engagement';
import { journeyFacts } from '../event-facts';
import { type JourneyContext } from '../journey-context';
import { TIMER_EVENT } from '../machine-event';
import { type Reaction, react } from '../reaction';
import { chooseVariant } from '../split-bucket';
import { isCurrentTimer, startTimer } from '../timers';
import { ENGAGEMENT_BY_EVENT } from '../../step/journey-event';
import { type JourneyTransition, moveTo } from './journey-transition';
import { transientState } from './transient-state';
import { waitingState } from './waiting-state';

/**
 * branch.engagement: did the latest message of the send node reach the metric within the window
 * measured from when it was sent? Already seen -> `yes` at once; window already over -> `no` at
 * once; otherwise wait for a matching engagement event (-> `yes`) or the timer at the window's
 * end (-> `no`). Entered a second time within one step (a loop), it decides on a timer in the
 * next step instead, so a loop through it cannot spin within a step.
 */
export function engagementState(scope: CompileScope, node: NodeOfType<'branch.engagement'>): BuiltState {
  const { data } = node;
  const windowMs = durationMs(data.window);
  const yes = scope.index.target(node, 'yes');
  const no = scope.index.target(node, 'no');
  const channel = scope.index.trackedSends.get(data.sendNodeId);
  const provingEvents = (channel === undefined ? [] : ENGAGEMENT_EVENTS_BY_CHANNEL[channel]).filter((type) =>
    ENGAGEMENT_BY_EVENT[type]?.includes(data.metric),
  );

  const arrive = (context: JourneyContext, event: { now: number }): Reaction => {
    const decision = decideEngagement(context, data, windowMs, event.now);
    const reentered = context.stepPath.filter((id) => id === node.id).length > 1;
    if (decision === 'wait') return startTimer(node.id, context, engagementDeadline(context, data, windowMs) ?? event.now);
    if (reentered) return startTimer(node.id, context, event.now);
    return { context, effects: [] };
  };
  const decidedAtOnce = (context: JourneyContext) => context.timer?.nodeId !== node.id;

  const on: Record<string, JourneyTransition[]> = {};
  for (const type of provingEvents) {
    on[type] = [
      moveTo(yes, ({ context, event }) => engagedInTime(recordEngagement(context, event, scope.index.trackedSends), data, windowMs), [
        scope.absorb,
      ]),
    ];
  }
  on[TIMER_EVENT] = [
    moveTo(yes, ({ context, event }) => isCurrentTimer(context, event) && engagedInTime(context, data, windowMs), [scope.absorb]),
    moveTo(no, ({ context, event }) => isCurrentTimer(context, event), [scope.absorb]),
  ];
  return waitingState(scope, node, {
    entry: [react(arrive)],
    on,
    always: [
      moveTo(yes, ({ context }) => decidedAtOnce(context) && engagedInTime(context, data, windowMs)),
      moveTo(no, ({ context }) => decidedAtOnce(context)),
    ],
  });
}

/** branch.condition: `yes` when the condition holds for the user and the event that last moved the journey. */
export function conditionState(scope: CompileScope, node: NodeOfType<'branch.condition'>): BuiltState {
  const { condition } = node.data;
  return {
    config: transientState(
      node,
      [],
      [
        moveTo(scope.index.target(node, 'yes'), ({ context, event }) =>
          evaluateCondition(condition, journeyFacts(context, event), event.now),
        ),
        moveTo(scope.index.target(node, 'no')),
      ],
    ),
    listens: [],
  };
}

/** branch.reachability: `yes` only when the user is known reachable on the channel. */
export function reachabilityState(scope: CompileScope, node: NodeOfType<'branch.reachability'>): BuiltState {
  const { channel } = node.data;
  return {
    config: transientState(
      node,
      [],
      [
        moveTo(scope.index.target(node, 'yes'), ({ context }) => context.user.reachable?.[channel] === true),
        moveTo(scope.index.target(node, 'no')),
      ],
    ),
    listens: [],
  };
}

/** branch.split: a stable variant per user and node (see chooseVariant). */
export function splitState(scope: CompileScope, node: NodeOfType<'branch.split'>): BuiltState {
  const { variants } = node.data;
  return {
    config: transientState(
      node,
      [],
      variants.map((variant) =>
        moveTo(
          scope.index.target(node, variant.id),
          ({ context }) => chooseVariant(variants, context.userId, node.id) === variant.id,
        ),
      ),
    ),
    listens: [],
  };
}
