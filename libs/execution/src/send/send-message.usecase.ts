import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel, type Effect } from '@engine/journey';
import { AppUserEntity, type MessageStatusChange } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../batch/in-transaction';
import { CompiledJourneys } from '../journeys/compiled-journeys';
import { EngineMetrics } from '../metrics/engine-metrics';
import { userFacts } from '../users/user-facts';
import { CHANNEL_PROVIDERS, type ChannelProvider, FinalSendError, type OutgoingMessage } from '@engine/channels';
import { frequencyCapReached } from './frequency-cap';
import { JourneyThrottle } from './journey-throttle';
import { recipientFor } from './recipient';
import { renderMessage } from './render-message';

type SendEffect = Extract<Effect, { kind: 'send' }>;

export type SendOutcome =
  | { kind: 'skipped' }
  | { kind: 'sent'; messageId: string }
  | { kind: 'suppressed' | 'failed'; messageId: string; reason: string }
  | { kind: 'throttled'; until: number };

interface OutboxSendRow {
  id: string;
  status: string;
  effect: SendEffect;
  project_id: string;
  instance_id: string;
  journey_id: string;
  version_id: string;
  user_id: string;
}

const RETRY_MARK = 'retry: ';

/**
 * Sends one outbox message at most once: claim (insert the message row under its idempotency key),
 * call the provider, confirm. A retry after a provider error sends again; a retry after a crash in
 * the middle of a send does not (the outcome is unknown) and marks the message failed instead.
 */
@Injectable()
export class SendMessage {
  private readonly logger = new Logger(SendMessage.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHANNEL_PROVIDERS) private readonly providers: Record<Channel, ChannelProvider>,
    private readonly compiled: CompiledJourneys,
    private readonly throttle: JourneyThrottle,
    private readonly metrics: EngineMetrics,
  ) {}

  async execute(outboxId: string, now = Date.now()): Promise<SendOutcome> {
    const claim = await inTransaction(this.dataSource, (manager) => this.claim(manager, outboxId, now));
    if (claim.kind !== 'claimed') {
      if (claim.kind !== 'skipped' && claim.kind !== 'throttled') this.metrics.messages.inc({ channel: claim.channel, status: claim.kind });
      return claim.kind === 'suppressed' || claim.kind === 'failed' ? { kind: claim.kind, messageId: claim.messageId, reason: claim.reason } : claim;
    }
    const { message, provider } = claim;
    try {
      const { providerMessageId } = await provider.send(message);
      await this.finish(outboxId, message.messageId, { status: 'sent', at: new Date().toISOString() }, providerMessageId);
      this.metrics.messages.inc({ channel: message.channel, status: 'sent' });
      return { kind: 'sent', messageId: message.messageId };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Anything but a final provider answer may be passing (network, rate limit): retry.
      if (!(error instanceof FinalSendError)) {
        await this.dataSource.query(
          `UPDATE messages SET status_history = status_history || $2::jsonb, error = $3, updated_at = now() WHERE id = $1`,
          [message.messageId, JSON.stringify([{ status: 'queued', at: new Date().toISOString(), detail: `${RETRY_MARK}${reason}` }]), reason],
        );
        throw error; // BullMQ retries with backoff
      }
      await this.finish(outboxId, message.messageId, { status: 'failed', at: new Date().toISOString(), detail: reason }, null, reason);
      this.metrics.messages.inc({ channel: message.channel, status: 'failed' });
      return { kind: 'failed', messageId: message.messageId, reason };
    }
  }

  private async claim(
    manager: EntityManager,
    outboxId: string,
    now: number,
  ): Promise<
    | { kind: 'skipped' }
    | { kind: 'throttled'; until: number }
    | { kind: 'suppressed' | 'failed'; channel: Channel; messageId: string; reason: string }
    | { kind: 'claimed'; message: OutgoingMessage; provider: ChannelProvider }
  > {
    const [row] = await manager.query<OutboxSendRow[]>(
      `SELECT o.id, o.status, o.effect, o.project_id, o.instance_id, i.journey_id, i.version_id, i.user_id
         FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
        WHERE o.id = $1 AND o.kind = 'send' FOR UPDATE OF o`,
      [outboxId],
    );
    if (!row || row.status !== 'pending') return { kind: 'skipped' };
    const effect = row.effect;
    const idempotencyKey = `${row.instance_id}:${effect.idempotencyKey}`;
    const provider = this.providers[effect.channel];

    const [existing] = await manager.query<Array<{ id: string; status: string; status_history: MessageStatusChange[]; content: Record<string, unknown> }>>(
      `SELECT id, status, status_history, content FROM messages WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    if (existing) {
      if (existing.status === 'queued' && existing.status_history.at(-1)?.detail?.startsWith(RETRY_MARK)) {
        const user = await manager.findOneByOrFail(AppUserEntity, { id: row.user_id });
        const recipient = recipientFor(effect.channel, user);
        if ('to' in recipient) {
          return { kind: 'claimed', provider, message: outgoing(existing.id, row, effect, idempotencyKey, existing.content, recipient.to) };
        }
      }
      await markOutbox(manager, outboxId, 'done');
      if (existing.status !== 'queued') return { kind: 'skipped' }; // sent before: never twice
      const reason = 'Sending was interrupted and its outcome is unknown; not retried, to avoid a duplicate';
      await setMessageFinal(manager, existing.id, 'failed', reason);
      return { kind: 'failed', channel: effect.channel, messageId: existing.id, reason };
    }

    const { settings } = (await this.compiled.loadOne(manager, row.version_id)).graph;
    const throttledUntil = await this.throttle.reserve(row.journey_id, effect.channel, settings.throttling, now);
    if (throttledUntil !== undefined) return { kind: 'throttled', until: throttledUntil };

    const user = await manager.findOneByOrFail(AppUserEntity, { id: row.user_id });
    const facts = userFacts(user);
    const content = renderMessage(effect.channel, effect.content, { tags: facts.tags, event: effect.eventAttributes, user: facts });
    const recipient = recipientFor(effect.channel, user);
    let suppressed: string | undefined;
    if ('missing' in recipient) suppressed = `Not sent: ${recipient.missing}`;
    else if (await frequencyCapReached(manager, user.id, effect.channel, settings.frequencyCap, now)) {
      suppressed = `Not sent: frequency cap of ${settings.frequencyCap!.maxMessages} per ${settings.frequencyCap!.period} reached`;
    }
    const at = new Date(now).toISOString();
    const history: MessageStatusChange[] = suppressed ? [{ status: 'suppressed', at, detail: suppressed }] : [{ status: 'queued', at }];
    const [inserted] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO messages (project_id, user_id, journey_id, instance_id, node_id, visit, channel, provider, status, status_history, idempotency_key, content, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        row.project_id,
        user.id,
        row.journey_id,
        row.instance_id,
        effect.nodeId,
        effect.visit,
        effect.channel,
        provider.name,
        suppressed ? 'suppressed' : 'queued',
        JSON.stringify(history),
        idempotencyKey,
        JSON.stringify(content),
        suppressed ?? null,
      ],
    );
    const messageId = inserted!.id;
    if (suppressed) {
      await markOutbox(manager, outboxId, 'done');
      return { kind: 'suppressed', channel: effect.channel, messageId, reason: suppressed };
    }
    return { kind: 'claimed', provider, message: outgoing(messageId, row, effect, idempotencyKey, content, 'to' in recipient ? recipient.to : {}) };
  }

  private async finish(outboxId: string, messageId: string, change: MessageStatusChange, providerMessageId: string | null, error: string | null = null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE messages SET status = $2, status_history = status_history || $3::jsonb, provider_message_id = coalesce($4, provider_message_id),
                error = $5, updated_at = now() WHERE id = $1`,
        [messageId, change.status, JSON.stringify([change]), providerMessageId, error],
      );
      await markOutbox(manager, outboxId, 'done');
    });
  }
}

function outgoing(messageId: string, row: OutboxSendRow, effect: SendEffect, idempotencyKey: string, content: Record<string, unknown>, to: OutgoingMessage['to']): OutgoingMessage {
  return { messageId, projectId: row.project_id, channel: effect.channel, idempotencyKey, content, to };
}

async function markOutbox(manager: EntityManager, outboxId: string, status: 'done' | 'failed'): Promise<void> {
  await manager.query(`UPDATE outbox SET status = $2, attempts = attempts + 1 WHERE id = $1`, [outboxId, status]);
}

async function setMessageFinal(manager: EntityManager, messageId: string, status: 'failed', reason: string): Promise<void> {
  await manager.query(
    `UPDATE messages SET status = $2, error = $3, status_history = status_history || $4::jsonb, updated_at = now() WHERE id = $1`,
    [messageId, status, reason, JSON.stringify([{ status, at: new Date().toISOString(), detail: reason }])],
  );
}
