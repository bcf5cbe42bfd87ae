import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { type Effect } from '@engine/journey';
import { type OutboxJob, QUEUES, SEND_QUEUE_BY_CHANNEL } from './queue-names';
import { STATES_THAT_BLOCK_A_READD } from './readd-blockers';
import { SEND_BACKOFF_TYPE, SEND_RETRY_FIRST_DELAY_MS } from '../send/send-retry-delay';

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
/** Sends wait between attempts as long as their provider asked, at least (the send workers' backoff strategy). */
const SEND_JOB_OPTIONS: JobsOptions = { ...JOB_OPTIONS, backoff: { type: SEND_BACKOFF_TYPE, delay: SEND_RETRY_FIRST_DELAY_MS } };

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
    await Promise.all([...jobsByQueue(rows, now)].map(([name, jobs]) => this.queue(name).addBulk(jobs)));
  }

  /**
   * Puts outbox rows on their queues again, whatever became of their earlier jobs (the sweeper). A
   * finished job still kept under a row's job id (failed after its last attempt, or completed) is
   * removed first: BullMQ ignores an add under the id of a job it keeps. Answers how many it removed.
   */
  async redispatch(rows: DispatchableOutboxRow[], now = Date.now()): Promise<number> {
    const removed = await Promise.all(
      [...jobsByQueue(rows, now)].map(async ([name, jobs]) => {
        const queue = this.queue(name);
        // One listing of finished job ids per queue, not one state lookup per row.
        const finished = new Set(await queue.getRanges(STATES_THAT_BLOCK_A_READD, 0, -1));
        const blocking = jobs.map((job) => job.opts.jobId).filter((id): id is string => id !== undefined && finished.has(id));
        for (let start = 0; start < blocking.length; start += REMOVALS_AT_ONCE) {
          await Promise.all(blocking.slice(start, start + REMOVALS_AT_ONCE).map((id) => queue.remove(id)));
        }
        await queue.addBulk(jobs);
        return blocking.length;
      }),
    );
    return removed.reduce((sum, count) => sum + count, 0);
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`No queue named ${name}`);
    return queue;
  }
}

/** How many finished jobs are removed in parallel before a re-add. */
const REMOVALS_AT_ONCE = 100;

type OutboxJobToAdd = { name: string; data: OutboxJob; opts: JobsOptions };

function jobsByQueue(rows: DispatchableOutboxRow[], now: number): Map<string, OutboxJobToAdd[]> {
  const byQueue = new Map<string, OutboxJobToAdd[]>();
  for (const row of rows) {
    const queueName = queueFor(row.effect);
    if (!queueName) continue;
    const jobs = byQueue.get(queueName) ?? [];
    jobs.push({
      name: row.effect.kind,
      data: { outboxId: String(row.id) },
      opts: { ...(row.effect.kind === 'send' ? SEND_JOB_OPTIONS : JOB_OPTIONS), jobId: outboxJobId(String(row.id)), delay: Math.max(0, new Date(row.due_at).getTime() - now) },
    });
    byQueue.set(queueName, jobs);
  }
  return byQueue;
}

function queueFor(effect: Effect): string | undefined {
  if (effect.kind === 'send') return SEND_QUEUE_BY_CHANNEL[effect.channel];
  if (effect.kind === 'schedule') return QUEUES.timers;
  return undefined;
}
