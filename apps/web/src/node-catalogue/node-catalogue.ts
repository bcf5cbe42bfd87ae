import {
  BRANCH_NODE_TYPES,
  ENTRY_NODE_TYPES,
  FLOW_NODE_TYPES,
  type NodeType,
  SEND_NODE_TYPES,
} from '@engine/journey';

export type NodeGroup = 'entries' | 'messages' | 'flow' | 'branches';

export interface NodeGroupInfo {
  group: NodeGroup;
  title: string;
  types: readonly NodeType[];
}

/** The palette sections, in order. */
export const NODE_GROUPS: readonly NodeGroupInfo[] = [
  { group: 'entries', title: 'Entries', types: ENTRY_NODE_TYPES },
  { group: 'messages', title: 'Messages', types: SEND_NODE_TYPES },
  { group: 'flow', title: 'Flow', types: FLOW_NODE_TYPES },
  { group: 'branches', title: 'Branches', types: BRANCH_NODE_TYPES },
];

export interface NodeTypeInfo {
  title: string;
  /** One line for the palette and screen readers. */
  description: string;
  group: NodeGroup;
}

export const NODE_TYPE_INFO: Record<NodeType, NodeTypeInfo> = {
  'entry.event': { title: 'Entry on event', group: 'entries', description: 'Users enter when they perform an event' },
  'entry.segment': { title: 'Entry by segment', group: 'entries', description: 'Users matching a segment enter at launch' },
  'entry.api': { title: 'Entry by API', group: 'entries', description: 'Your backend adds users through the API' },
  'send.push': { title: 'Push', group: 'messages', description: 'Send a push notification' },
  'send.email': { title: 'Email', group: 'messages', description: 'Send an email' },
  'send.whatsapp': { title: 'WhatsApp', group: 'messages', description: 'Send a WhatsApp template or text' },
  'send.sms': { title: 'SMS', group: 'messages', description: 'Send a text message' },
  'send.webhook': { title: 'Webhook', group: 'messages', description: "Call your backend's URL" },
  'update.tags': { title: 'Update tags', group: 'flow', description: 'Set, increment or remove user tags' },
  'wait.delay': { title: 'Wait', group: 'flow', description: 'Wait a duration, until a time of day or a date' },
  'wait.event': { title: 'Wait for event', group: 'flow', description: 'Wait until the user does something, up to a timeout' },
  exit: { title: 'Exit', group: 'flow', description: 'Leave the journey' },
  'branch.engagement': { title: 'Engagement check', group: 'branches', description: 'Was a message opened, read or clicked?' },
  'branch.condition': { title: 'Condition', group: 'branches', description: 'Split on tags, profile or event data' },
  'branch.split': { title: 'A/B split', group: 'branches', description: 'Split users by percentages' },
  'branch.reachability': { title: 'Reachability check', group: 'branches', description: 'Can the user be reached on a channel?' },
};

/** The accent colour of each group (cards, palette, minimap); CSS repeats them as variables. */
export const GROUP_ACCENT: Record<NodeGroup, string> = {
  entries: '#0b7a5c',
  messages: '#3563cc',
  flow: '#9a600c',
  branches: '#7447e0',
};
