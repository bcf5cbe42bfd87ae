/** Every node type of the catalogue, grouped as the canvas palette shows them. */
export const ENTRY_NODE_TYPES = ['entry.event', 'entry.segment', 'entry.api'] as const;
export const SEND_NODE_TYPES = ['send.push', 'send.email', 'send.whatsapp', 'send.sms', 'send.webhook'] as const;
export const FLOW_NODE_TYPES = ['update.tags', 'wait.delay', 'wait.event', 'exit'] as const;
export const BRANCH_NODE_TYPES = [
  'branch.engagement',
  'branch.condition',
  'branch.split',
  'branch.reachability',
] as const;

export const NODE_TYPES = [...ENTRY_NODE_TYPES, ...SEND_NODE_TYPES, ...FLOW_NODE_TYPES, ...BRANCH_NODE_TYPES] as const;

export type EntryNodeType = (typeof ENTRY_NODE_TYPES)[number];
export type SendNodeType = (typeof SEND_NODE_TYPES)[number];
export type NodeType = (typeof NODE_TYPES)[number];

/** Message channels; `webhook` is a send node but not a user-facing channel. */
export const CHANNELS = ['push', 'email', 'whatsapp', 'sms', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a user can be reached on (reachability branch, silent hours, capping). */
export const USER_CHANNELS = ['push', 'email', 'whatsapp', 'sms'] as const;
export type UserChannel = (typeof USER_CHANNELS)[number];

export const SEND_NODE_CHANNEL: Record<SendNodeType, Channel> = {
  'send.push': 'push',
  'send.email': 'email',
  'send.whatsapp': 'whatsapp',
  'send.sms': 'sms',
  'send.webhook': 'webhook',
};

export function isEntryNodeType(type: string): type is EntryNodeType {
  return (ENTRY_NODE_TYPES as readonly string[]).includes(type);
}

export function isSendNodeType(type: string): type is SendNodeType {
  return (SEND_NODE_TYPES as readonly string[]).includes(type);
}

export function isNodeType(type: string): type is NodeType {
  return (NODE_TYPES as readonly string[]).includes(type);
}
