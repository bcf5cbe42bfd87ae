import { type JourneyNode } from './journey-graph';

/** The out-handles a node offers. Every one of them must be connected for the graph to publish. */
export function outHandles(node: JourneyNode): string[] {
  switch (node.type) {
    case 'entry.event':
    case 'entry.segment':
    case 'entry.api':
    case 'send.push':
    case 'send.email':
    case 'send.sms':
    case 'send.webhook':
    case 'update.tags':
    case 'wait.delay':
      return ['next'];
    case 'send.whatsapp': {
      const replies = node.data.quickReplies ?? [];
      return replies.length > 0 ? [...replies.map((reply) => replyHandle(reply.id)), 'no_reply'] : ['next'];
    }
    case 'wait.event':
      return [...(node.data.branches ?? []).map((branch) => branch.id), 'timeout'];
    case 'branch.engagement':
    case 'branch.condition':
    case 'branch.reachability':
      return ['yes', 'no'];
    case 'branch.split':
      return (node.data.variants ?? []).map((variant) => variant.id);
    case 'exit':
      return [];
  }
}

export function replyHandle(replyId: string): string {
  return `reply:${replyId}`;
}

/** Nodes where a user stays and time passes: a cycle must pass through one of them. */
export function isWaitingNode(node: JourneyNode): boolean {
  return (
    node.type === 'wait.delay' ||
    node.type === 'wait.event' ||
    node.type === 'branch.engagement' ||
    (node.type === 'send.whatsapp' && (node.data.quickReplies?.length ?? 0) > 0)
  );
}
