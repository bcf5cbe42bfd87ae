import { type NodeOfType } from '../format/journey-graph';
import { SEND_NODE_CHANNEL, type SendNodeType } from '../format/node-types';
import { applyTagOperations } from './apply-tag-operations';
import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';
import { currentVisit } from './node-entry';
import { withEntry } from './own-entry';
import { type Reaction } from './reaction';

/**
 * A send node asks for its message, keyed `${nodeId}:${visit}` so a retried job never sends
 * twice, and remembers it as held until its outcome says when it was sent (see send-outcome.ts).
 */
export function sendMessage(node: NodeOfType<SendNodeType>) {
  return (context: JourneyContext, event: JourneyMachineEvent): Reaction => {
    const visit = currentVisit(context, node.id);
    return {
      context: { ...context, sends: withEntry(context.sends, node.id, { visit, at: event.now, status: 'held', engagement: {} }) },
      effects: [
        {
          kind: 'send',
          channel: SEND_NODE_CHANNEL[node.type],
          nodeId: node.id,
          visit,
          idempotencyKey: `${node.id}:${visit}`,
          content: node.data,
          eventAttributes: context.eventAttributes,
        },
      ],
    };
  };
}

/**
 * An update.tags node asks the engine to update the profile, and applies the same operations to
 * the user facts in hand so conditions later in this step see the new tags.
 */
export function updateTags(node: NodeOfType<'update.tags'>) {
  return (context: JourneyContext): Reaction => {
    const { user, eventAttributes } = context;
    const tags = applyTagOperations(user.tags, node.data.operations, { tags: user.tags, event: eventAttributes, user });
    return {
      context: { ...context, user: { ...user, tags } },
      effects: [
        {
          kind: 'updateTags',
          nodeId: node.id,
          visit: currentVisit(context, node.id),
          operations: node.data.operations,
          eventAttributes,
        },
      ],
    };
  };
}
