import { durationMs } from '../../duration/duration';
import { type NodeOfType } from '../../format/journey-graph';
import { type SendNodeType } from '../../format/node-types';
import { replyHandle } from '../../format/out-handles';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { SEND_OUTCOME_EVENT, TIMER_EVENT } from '../machine-event';
import { sendMessage } from '../message-reactions';
import { takeEventAttributes } from '../node-entry';
import { matchesQuickReply } from '../quick-reply';
import { react } from '../reaction';
import { cancelHeldSend, isOutcomeOfHeldSend, settleHeldSend, wasSent } from '../send-outcome';
import { isCurrentTimer, startTimer } from '../timers';
import { moveTo } from './journey-transition';
import { waitingState } from './waiting-state';

/** The inbound WhatsApp message event quick replies wait for. */
export const WHATSAPP_REPLY_EVENT = 'PW_WhatsAppReceived';

/**
 * A send node asks for its message and waits at the node until the message's outcome arrives
 * (sent, or finally not sent), then moves on; while the message is held (silent hours, throttles,
 * retries) the user stays here. With quick replies it then waits for the answer.
 */
export function sendState(scope: CompileScope, node: NodeOfType<SendNodeType>): BuiltState {
  if (node.type === 'send.whatsapp' && (node.data.quickReplies?.length ?? 0) > 0) return quickReplyState(scope, node);
  return waitingState(scope, node, {
    entry: [react(sendMessage(node))],
    exit: [react(cancelHeldSend(node))],
    on: {
      [SEND_OUTCOME_EVENT]: [
        moveTo(scope.index.target(node, 'next'), ({ context, event }) => isOutcomeOfHeldSend(context, event, node.id), [
          scope.absorb,
          react(settleHeldSend(node)),
        ]),
      ],
    },
  });
}

/**
 * WhatsApp with quick replies: once the message is sent, the reply window opens (measured from
 * the sent time); a reply whose text or button payload equals a reply's text (ignoring case and
 * surrounding spaces) leaves by `reply:<id>` (the first matching reply wins); the reply window
 * timer leaves by `no_reply`. A message finally not sent leaves by `no_reply` at once.
 */
function quickReplyState(scope: CompileScope, node: NodeOfType<'send.whatsapp'>): BuiltState {
  const windowMs = durationMs(node.data.replyWindow ?? '');
  const replies = node.data.quickReplies ?? [];
  const noReply = scope.index.target(node, 'no_reply');
  return waitingState(scope, node, {
    entry: [react(sendMessage(node))],
    exit: [react(cancelHeldSend(node))],
    on: {
      [SEND_OUTCOME_EVENT]: [
        moveTo(
          noReply,
          ({ context, event }) => isOutcomeOfHeldSend(context, event, node.id) && event.sendOutcome?.outcome === 'not_sent',
          [scope.absorb, react(settleHeldSend(node))],
        ),
        {
          guard: ({ context, event }) => isOutcomeOfHeldSend(context, event, node.id),
          actions: [
            scope.absorb,
            react(settleHeldSend(node)),
            react((context, event) => startTimer(node.id, context, (event.sendOutcome?.at ?? event.now) + windowMs)),
          ],
        },
      ],
      [WHATSAPP_REPLY_EVENT]: replies.map((reply) =>
        moveTo(
          scope.index.target(node, replyHandle(reply.id)),
          ({ context, event }) => wasSent(context, node.id) && matchesQuickReply(reply, event.attributes),
          [scope.absorb, react(takeEventAttributes)],
        ),
      ),
      [TIMER_EVENT]: [moveTo(noReply, ({ context, event }) => isCurrentTimer(context, event), [scope.absorb])],
    },
  });
}
