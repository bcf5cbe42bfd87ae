import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { type OutboxJob, QUEUES } from '../queues/queue-names';
import { SendBatcher } from '../send/send-batcher';
import { SendMessages } from '../send/send-messages.usecase';
import { delayWhileUnreachable } from './delay-while-unreachable';
import { EngineWorkerHost } from './engine-worker-host';
import { ProviderRetryError } from '../send/send-retry-delay';
import { sendWorkerOptions, whatsAppWorkerOptions } from './worker-options';

/** One processor class per channel queue, so each can carry its own rate limit. */
abstract class SendProcessor extends EngineWorkerHost {
  private readonly logger = new Logger(this.constructor.name);
  // Property injection: the abstract base has no decorator, so no constructor metadata to inject by.
  @Inject(SendBatcher) private readonly sends!: SendBatcher;
  @Inject(SendMessages) private readonly sendMessages!: SendMessages;

  /**
   * The database work (claim, send, confirm; the last attempt's failure) is delayed while the
   * database cannot be reached, without using an attempt; only a provider's answer counts against
   * the attempts, so an outage never reaches `failAfterRetries`.
   */
  async process(job: Job<OutboxJob>, token?: string): Promise<void> {
    const outcome = await delayWhileUnreachable(job, token, () => this.sends.submit(job.data.outboxId));
    if (outcome.kind === 'throttled') {
      await job.moveToDelayed(outcome.until, token);
      throw new DelayedError();
    }
    if (outcome.kind === 'retry') {
      // The last attempt: the message is finally not sent, and its journey step moves on.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        return delayWhileUnreachable(job, token, () => this.sendMessages.failAfterRetries(job.data.outboxId, outcome.reason));
      }
      throw new ProviderRetryError(outcome.reason, outcome.retryAfterMs); // BullMQ retries, no sooner than the provider asked
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<OutboxJob> | undefined, error: Error): void {
    this.logger.warn(`Send of outbox ${job?.data.outboxId ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}

@Processor(QUEUES.sendPush, sendWorkerOptions())
export class PushSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendEmail, sendWorkerOptions())
export class EmailSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendWhatsApp, whatsAppWorkerOptions())
export class WhatsAppSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendSms, sendWorkerOptions())
export class SmsSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendWebhook, sendWorkerOptions())
export class WebhookSendProcessor extends SendProcessor {}
