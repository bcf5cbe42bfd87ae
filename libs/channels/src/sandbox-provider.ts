import { randomUUID } from 'node:crypto';
import { type ChannelProvider, type OutgoingMessage, type SendResult } from './channel-provider';

/**
 * The default provider of every channel: nothing leaves the machine; the message row itself is
 * the record, shown in the product's inbox.
 */
export class SandboxProvider implements ChannelProvider {
  readonly name = 'sandbox';

  send(message: OutgoingMessage): Promise<SendResult> {
    return Promise.resolve({ providerMessageId: `sandbox-${message.channel}-${randomUUID()}` });
  }
}
