import { durationMs } from '../../duration/duration';
import { type NodeOfType } from '../../format/journey-graph';
import { type SendNodeType } from '../../format/node-types';
import { replyHandle } from '../../format/out-handles';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { sendMessage } from '../message-reactions';
import { takeEventAttributes } from '../node-entry';
import { matchesQuickReply } from '../quick-reply';
import { react } from '../reaction';
import { TIMER_EVENT } from '../machine-event';
import { isCurrentTimer, startTimer } from '../timers';
import { moveTo } from './journey-transition';
import { transientState } from './transient-state';
import { waitingState } from './waiting-state';

/** The inbound WhatsApp message event quick replies wait for. */
export const WHATSAPP_REPLY_EVENT = 'PW_WhatsAppReceived';

/** A send node asks for its message and moves on, or, with quick replies, waits for the answer. */
export function sendState(scope: CompileScope, node: NodeOfType<SendNodeType>): BuiltState {
  if (node.type === 'send.whatsapp' && (node.data.quickReplies?.length ?? 0) > 0) return quickReplyState(scope, node);
  return {
    config: transientState(node, [react(sendMessage(node))], [moveTo(scope.index.target(node, 'next'))]),
    listens: [],
  };
}

/**
 * WhatsApp with quick replies: after sending, a reply whose text or button payload equals a
 * reply's text (ignoring case and surrounding spaces) leaves by `reply:<id>` (the first matching
 * reply wins); the reply window timer leaves by `no_reply`.
 */
function quickReplyState(scope: CompileScope, node: NodeOfType<'send.whatsapp'>): BuiltState {
  const windowMs = durationMs(node.data.replyWindow ?? '');
  const replies = node.data.quickReplies ?? [];
  return waitingState(scope, node, {
    entry: [
      react(sendMessage(node)),
      react((context, event) => startTimer(node.id, context, event.now + windowMs)),
    ],
    on: {
      [WHATSAPP_REPLY_EVENT]: replies.map((reply) =>
        moveTo(
          scope.index.target(node, replyHandle(reply.id)),
          ({ event }) => matchesQuickReply(reply, event.attributes),
          [scope.absorb, react(takeEventAttributes)],
        ),
      ),
      [TIMER_EVENT]: [
        moveTo(scope.index.target(node, 'no_reply'), ({ context, event }) => isCurrentTimer(context, event), [scope.absorb]),
      ],
    },
  });
}
