import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { type Effect } from '@engine/journey';
import { type OutboxJob, QUEUES, SEND_QUEUE_BY_CHANNEL } from './queue-names';

export interface DispatchableOutboxRow {
  id: string;
  effect: Effect;
  due_at: Date;
}

/** The job id of an outbox row: adding it twice (sweeper + first attempt) gives one job. */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}

const JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 10_000 },
};

/** Puts committed outbox rows on their queues: sends on their channel's queue, timers as delayed jobs. */
@Injectable()
export class OutboxDispatcher {
  private readonly queues: Map<string, Queue>;

  constructor(
    @InjectQueue(QUEUES.timers) timers: Queue,
    @InjectQueue(QUEUES.sendPush) push: Queue,
    @InjectQueue(QUEUES.sendEmail) email: Queue,
    @InjectQueue(QUEUES.sendWhatsApp) whatsapp: Queue,
    @InjectQueue(QUEUES.sendSms) sms: Queue,
    @InjectQueue(QUEUES.sendWebhook) webhook: Queue,
  ) {
    this.queues = new Map([timers, push, email, whatsapp, sms, webhook].map((queue) => [queue.name, queue]));
  }

  async dispatch(rows: DispatchableOutboxRow[], now = Date.now()): Promise<void> {
    const byQueue = new Map<string, Array<{ name: string; data: OutboxJob; opts: JobsOptions }>>();
    for (const row of rows) {
      const queueName = queueFor(row.effect);
      if (!queueName) continue;
      const jobs = byQueue.get(queueName) ?? [];
      jobs.push({
        name: row.effect.kind,
        data: { outboxId: String(row.id) },
        opts: { ...JOB_OPTIONS, jobId: outboxJobId(String(row.id)), delay: Math.max(0, new Date(row.due_at).getTime() - now) },
      });
      byQueue.set(queueName, jobs);
    }
    await Promise.all([...byQueue].map(([name, jobs]) => this.queues.get(name)!.addBulk(jobs)));
  }
}

function queueFor(effect: Effect): string | undefined {
  if (effect.kind === 'send') return SEND_QUEUE_BY_CHANNEL[effect.channel];
  if (effect.kind === 'schedule') return QUEUES.timers;
  return undefined;
}
