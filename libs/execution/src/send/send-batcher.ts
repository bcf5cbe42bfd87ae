import { Injectable } from '@nestjs/common';
import { MicroBatcher } from '../queues/micro-batcher';
import { SendMessages, type SendOutcome } from './send-messages.usecase';

/**
 * Groups concurrent send jobs into one claim transaction and one confirm transaction, so the
 * database cost of a send is shared by every job in flight instead of paid per message.
 */
@Injectable()
export class SendBatcher {
  private readonly batcher: MicroBatcher<SendOutcome>;

  constructor(sendMessages: SendMessages) {
    this.batcher = new MicroBatcher((outboxIds) => sendMessages.send(outboxIds), { kind: 'skipped' });
  }

  submit(outboxId: string): Promise<SendOutcome> {
    return this.batcher.submit(outboxId);
  }
}
