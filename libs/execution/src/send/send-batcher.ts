import { Injectable } from '@nestjs/common';
import { SendMessages, type SendOutcome } from './send-message.usecase';

/** Sends that arrive together (a worker runs many jobs at once) are claimed and confirmed together. */
const MAX_BATCH = 50;
const MAX_WAIT_MS = 2;

interface Waiting {
  outboxId: string;
  resolve: (outcome: SendOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups concurrent send jobs into one claim transaction and one confirm transaction, so the
 * database cost of a send is shared by every job in flight instead of paid per message.
 */
@Injectable()
export class SendBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly sendMessages: SendMessages) {}

  submit(outboxId: string): Promise<SendOutcome> {
    return new Promise<SendOutcome>((resolve, reject) => {
      this.waiting.push({ outboxId, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), MAX_WAIT_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.sendMessages.execute([...new Set(batch.map((w) => w.outboxId))]).then(
      (outcomes) => {
        for (const waiting of batch) waiting.resolve(outcomes.get(waiting.outboxId) ?? { kind: 'skipped' });
      },
      (error: unknown) => {
        for (const waiting of batch) waiting.reject(error);
      },
    );
  }
}
