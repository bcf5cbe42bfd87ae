import { type NodeOfType } from '../format/journey-graph';
import { type SendNodeType } from '../format/node-types';
import { type JourneyContext, type SendRecord } from './journey-context';
import { type JourneyMachineEvent, SEND_OUTCOME_EVENT } from './machine-event';
import { currentVisit } from './node-entry';
import { ownEntry, withEntry } from './own-entry';
import { type Reaction } from './reaction';

/** The reason a held message gets when its instance ends before it was sent. */
export const ENDED_WHILE_HELD = 'The journey ended for this user before the message was sent';

/** The record of the current visit's message of a send node, when it is still held. */
export function heldSend(context: JourneyContext, nodeId: string): SendRecord | undefined {
  const send = ownEntry(context.sends, nodeId);
  return send !== undefined && send.status === 'held' && send.visit === currentVisit(context, nodeId) ? send : undefined;
}

/** Whether the event is the outcome of the message the node's current visit holds (anything else is stale). */
export function isOutcomeOfHeldSend(context: JourneyContext, event: JourneyMachineEvent, nodeId: string): boolean {
  const outcome = event.sendOutcome;
  return (
    event.type === SEND_OUTCOME_EVENT &&
    outcome !== undefined &&
    outcome.nodeId === nodeId &&
    outcome.visit === currentVisit(context, nodeId) &&
    heldSend(context, nodeId) !== undefined
  );
}

/** Whether the current visit's message of the node went out (its reply window is open). */
export function wasSent(context: JourneyContext, nodeId: string): boolean {
  const send = ownEntry(context.sends, nodeId);
  return send !== undefined && send.visit === currentVisit(context, nodeId) && (send.status ?? 'sent') === 'sent';
}

/**
 * The outcome settles the held message: from now on `at` is when it was sent (or given up), so
 * engagement windows start there. Engagement already seen for it is kept.
 */
export function settleHeldSend(node: NodeOfType<SendNodeType>) {
  return (context: JourneyContext, event: JourneyMachineEvent): Reaction => {
    const send = heldSend(context, node.id);
    const outcome = event.sendOutcome;
    if (send === undefined || outcome === undefined) return { context, effects: [] };
    const settled: SendRecord = {
      ...send,
      at: outcome.at,
      status: outcome.outcome,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
    };
    return { context: { ...context, sends: withEntry(context.sends, node.id, settled) }, effects: [] };
  };
}

/**
 * Leaving a send node while its message is still held (a goal ended the journey): the message is
 * no longer wanted, so ask the engine to cancel it and remember it as not sent.
 */
export function cancelHeldSend(node: NodeOfType<SendNodeType>) {
  return (context: JourneyContext, event: JourneyMachineEvent): Reaction => {
    const send = heldSend(context, node.id);
    if (send === undefined || isOutcomeOfHeldSend(context, event, node.id)) return { context, effects: [] };
    const cancelled: SendRecord = { ...send, at: event.now, status: 'not_sent', reason: ENDED_WHILE_HELD };
    return {
      context: { ...context, sends: withEntry(context.sends, node.id, cancelled) },
      effects: [{ kind: 'cancelSend', nodeId: node.id, visit: send.visit, idempotencyKey: `${node.id}:${send.visit}` }],
    };
  };
}
