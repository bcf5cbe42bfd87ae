export type PushTokenPlatform = 'web' | 'android' | 'ios';

/** PUT /api/v1/users/:userId body: omitted fields keep their value. */
export interface UserFields {
  tags?: Record<string, unknown>;
  email?: string | null;
  phone?: string | null;
  timeZone?: string | null;
  language?: string | null;
  pushTokens?: Array<{ token: string; platform: PushTokenPlatform }>;
}

export const INSTANCE_STATUSES = ['active', 'completed', 'converted', 'stopped'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'opened' | 'clicked' | 'failed' | 'suppressed';

export interface UserJourneyInstance {
  id: string;
  journeyId: string;
  journeyName: string;
  version: number;
  status: InstanceStatus;
  currentNodeId: string;
  enteredAt: string;
  endedAt: string | null;
}

export interface UserMessage {
  id: string;
  channel: string;
  journeyId: string | null;
  nodeId: string | null;
  status: MessageStatus;
  statusHistory: Array<{ status: MessageStatus; at: string; detail?: string }>;
  createdAt: string;
}

/** GET /api/v1/users/:userId. */
export interface UserProfile {
  userId: string;
  tags: Record<string, unknown>;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
  language: string | null;
  pushTokens: Array<{ token: string; platform: PushTokenPlatform; addedAt: string }>;
  journeys: UserJourneyInstance[];
  messages: UserMessage[];
  createdAt: string;
  updatedAt: string;
}
