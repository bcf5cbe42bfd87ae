import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { type OutboxJob, QUEUES } from '../queues/queue-names';
import { SendMessage } from '../send/send-message.usecase';
import { EngineWorkerHost } from './engine-worker-host';
import { workerOptions } from './worker-options';

/** One processor class per channel queue, so each can carry its own rate limit. */
abstract class SendProcessor extends EngineWorkerHost {
  private readonly logger = new Logger(this.constructor.name);
  // Property injection: the abstract base has no decorator, so no constructor metadata to inject by.
  @Inject(SendMessage) private readonly sendMessage!: SendMessage;

  async process(job: Job<OutboxJob>, token?: string): Promise<void> {
    const outcome = await this.sendMessage.execute(job.data.outboxId);
    if (outcome.kind === 'throttled') {
      await job.moveToDelayed(outcome.until, token);
      throw new DelayedError();
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<OutboxJob> | undefined, error: Error): void {
    this.logger.warn(`Send of outbox ${job?.data.outboxId ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}

@Processor(QUEUES.sendPush, workerOptions())
export class PushSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendEmail, workerOptions())
export class EmailSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendWhatsApp, workerOptions())
export class WhatsAppSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendSms, workerOptions())
export class SmsSendProcessor extends SendProcessor {}
@Processor(QUEUES.sendWebhook, workerOptions())
export class WebhookSendProcessor extends SendProcessor {}
