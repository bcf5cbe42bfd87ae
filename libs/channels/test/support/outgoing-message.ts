import { type OutgoingMessage } from '../../src';

/** An OutgoingMessage with test defaults. */
export function outgoingMessage(overrides: Partial<OutgoingMessage> & Pick<OutgoingMessage, 'channel' | 'content'>): OutgoingMessage {
  return {
    messageId: '7d1c1f0e-4f6a-4c47-9a59-2d9a6a0f3b11',
    projectId: 'b3f5c2a4-0000-4000-8000-000000000001',
    idempotencyKey: '1f0e4f6a-4c47-4a59-9d9a-6a0f3b117d1c:send_1:1',
    to: {},
    ...overrides,
  };
}
