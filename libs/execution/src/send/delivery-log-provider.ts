import { appendFileSync } from 'node:fs';
import { type ChannelProvider, type OutgoingMessage, type SendResult } from '@engine/channels';

/**
 * Wraps a provider and appends the idempotency key of every delivery it makes to a file, one per
 * line, before returning. Crash tests count the lines: a key twice is a message sent twice.
 */
export class DeliveryLogProvider implements ChannelProvider {
  readonly name: string;

  constructor(
    private readonly inner: ChannelProvider,
    private readonly path: string,
  ) {
    this.name = inner.name;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const result = await this.inner.send(message);
    appendFileSync(this.path, `${message.idempotencyKey}\n`);
    return result;
  }
}
