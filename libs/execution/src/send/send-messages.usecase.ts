import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FinalSendError, RetryableSendError, type SendResult } from '@engine/channels';
import { type FinalMessageResult, inTransaction, MessageStore, OutboxStore, type ProviderAnswer, SendOutcomeStore, UserStore } from '@engine/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ProjectProviders } from '../providers/project-providers';
import { trackingSecret } from '../config/tracking-secret';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';
import { CompiledJourneys } from '../journeys/compiled-journeys';
import { EngineMetrics } from '../metrics/engine-metrics';
import { enqueueUserBatches } from '../queues/enqueue-user-batches';
import { QUEUES } from '../queues/queue-names';
import { claimSends, type ClaimResult } from './claim-sends';
import { keepTryingWhileUnreachable } from './keep-trying-while-unreachable';

export type SendOutcome =
  | { kind: 'skipped' }
  | { kind: 'sent'; messageId: string; providerMessageId: string }
  | { kind: 'suppressed' | 'failed'; messageId: string; reason: string }
  /** An earlier attempt was cut off mid-send: not sent again, outcome unknown. */
  | { kind: 'unknown'; messageId: string; reason: string }
  | { kind: 'throttled'; until: number }
  /** The provider failed in a way worth retrying; the job should throw so BullMQ retries it. */
  | { kind: 'retry'; messageId: string; reason: string; retryAfterMs?: number };

/**
 * Sends outbox messages at most once each: claim (insert the message rows under their idempotency
 * keys, one transaction for the whole set), call the providers, confirm (one transaction). A retry
 * after a provider error sends again; a retry after a crash in the middle of a send does not (the
 * outcome is unknown) and marks the message `unknown` instead. Once providers have answered, their
 * answers are recorded however long the database takes to come back (within reason): a message
 * that went out is never turned into a failure or an unknown by an outage.
 *
 * Whenever a journey message's result becomes final (sent, suppressed, failed), its outcome is
 * recorded in the same transaction as its status and its user is queued, so the instance waiting
 * at the send node moves on (the sweeper re-queues the user if that job is lost).
 */
@Injectable()
export class SendMessages {
  private readonly tracking: { publicUrl: string; secret: Buffer };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ProjectProviders,
    private readonly compiled: CompiledJourneys,
    private readonly metrics: EngineMetrics,
    @InjectQueue(QUEUES.events) private readonly eventsQueue: Queue,
    @Inject(EXECUTION_CONFIG) config: ExecutionConfig,
  ) {
    this.tracking = { publicUrl: config.publicUrl, secret: trackingSecret(config.encryptionKey) };
  }

  async send(outboxIds: string[], now = Date.now()): Promise<Map<string, SendOutcome>> {
    const { results: claims, settledUserIds } = await inTransaction(this.dataSource, (manager) =>
      claimSends({ manager, compiled: this.compiled, channels: this.channels, tracking: this.tracking, now }, outboxIds),
    );
    await enqueueUserBatches(this.eventsQueue, settledUserIds);
    const outcomes = new Map<string, SendOutcome>();
    const deadTokens: Array<{ userId: string; tokens: string[] }> = [];
    const noteDeadTokens = (userId: string | undefined, tokens: string[] | undefined) => {
      if (userId && tokens && tokens.length > 0) deadTokens.push({ userId, tokens });
    };
    const attempts: Array<Promise<void>> = [];
    for (const [outboxId, claim] of claims) {
      if (claim.kind !== 'claimed') {
        outcomes.set(outboxId, settled(claim));
        if (claim.kind === 'suppressed' || claim.kind === 'failed' || claim.kind === 'unknown') this.metrics.messages.inc({ channel: claim.channel, status: claim.kind });
        continue;
      }
      attempts.push(
        claim.provider.send(claim.message).then(
          ({ providerMessageId, deadTokens: dead }: SendResult) => {
            noteDeadTokens(claim.message.user?.id, dead);
            outcomes.set(outboxId, { kind: 'sent', messageId: claim.message.messageId, providerMessageId });
          },
          (error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            noteDeadTokens(claim.message.user?.id, (error as { deadTokens?: string[] } | null)?.deadTokens);
            // Anything but a final provider answer may be passing (network, rate limit): retry.
            outcomes.set(
              outboxId,
              error instanceof FinalSendError
                ? { kind: 'failed', messageId: claim.message.messageId, reason }
                : { kind: 'retry', messageId: claim.message.messageId, reason, ...(error instanceof RetryableSendError && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) },
            );
          },
        ),
      );
    }
    await Promise.all(attempts);
    await this.confirm(outcomes, claims);
    if (deadTokens.length > 0) await this.removeDeadTokens(deadTokens);
    return outcomes;
  }

  /**
   * The last retry of a send failed: the message is finally not sent. Marks it failed with the
   * provider's last reason, closes its outbox row and records the outcome for its instance, in one
   * transaction (a message no longer waiting for a retry is left as it is); then queues the user.
   */
  async failAfterRetries(outboxId: string, reason: string): Promise<void> {
    const detail = `Not sent after the last retry: ${reason}`;
    const usersToStep = await this.dataSource.transaction(async (manager) => {
      const failed = await MessageStore.failWaitingRetry(manager, outboxId, detail);
      if (failed.length === 0) return [];
      await OutboxStore.markFailed(manager, outboxId, detail);
      return SendOutcomeStore.recordForMessages(manager, failed.map((messageId) => ({ messageId, outcome: 'not_sent' as const, at: new Date(), reason: detail })));
    });
    await enqueueUserBatches(this.eventsQueue, usersToStep);
  }

  /** Push tokens the push service says will never work again leave the user's profile. */
  private async removeDeadTokens(dead: Array<{ userId: string; tokens: string[] }>): Promise<void> {
    for (const { userId, tokens } of dead) await UserStore.removePushTokens(this.dataSource.manager, userId, tokens);
  }

  /**
   * Records every provider answer, closes the outbox rows that are finished and records the final
   * outcomes for their instances, in one transaction; then queues those users.
   */
  private async confirm(outcomes: Map<string, SendOutcome>, claims: Map<string, ClaimResult>): Promise<void> {
    const at = new Date().toISOString();
    const updates: ProviderAnswer[] = [];
    const doneOutboxIds: string[] = [];
    for (const [outboxId, outcome] of outcomes) {
      const claim = claims.get(outboxId);
      if (claim?.kind !== 'claimed') continue;
      const channel = claim.message.channel;
      if (outcome.kind === 'sent') {
        updates.push({ messageId: outcome.messageId, status: 'sent', change: { status: 'sent', at }, providerMessageId: outcome.providerMessageId, error: null });
        doneOutboxIds.push(outboxId);
        this.metrics.messages.inc({ channel, status: 'sent' });
      } else if (outcome.kind === 'failed') {
        updates.push({ messageId: outcome.messageId, status: 'failed', change: { status: 'failed', at, detail: outcome.reason }, providerMessageId: null, error: outcome.reason });
        doneOutboxIds.push(outboxId);
        this.metrics.messages.inc({ channel, status: 'failed' });
      } else if (outcome.kind === 'retry') {
        updates.push({ messageId: outcome.messageId, status: 'retrying', change: { status: 'retrying', at, detail: outcome.reason }, providerMessageId: null, error: outcome.reason });
      }
    }
    if (updates.length === 0) return;
    const final: FinalMessageResult[] = updates.flatMap((u): FinalMessageResult[] =>
      u.status === 'sent' || u.status === 'failed'
        ? [{ messageId: u.messageId, outcome: u.status === 'sent' ? 'sent' : 'not_sent', at: new Date(at), reason: u.error }]
        : [],
    );
    const usersToStep = await keepTryingWhileUnreachable(
      () =>
        this.dataSource.transaction(async (manager) => {
          await MessageStore.recordProviderAnswers(manager, updates);
          await OutboxStore.markDone(manager, doneOutboxIds);
          return SendOutcomeStore.recordForMessages(manager, final);
        }),
      { onRetry: () => this.metrics.answerWriteRetries.inc() },
    );
    await enqueueUserBatches(this.eventsQueue, usersToStep);
  }
}

function settled(claim: Exclude<ClaimResult, { kind: 'claimed' }>): SendOutcome {
  if (claim.kind === 'suppressed' || claim.kind === 'failed' || claim.kind === 'unknown') return { kind: claim.kind, messageId: claim.messageId, reason: claim.reason };
  return claim;
}
