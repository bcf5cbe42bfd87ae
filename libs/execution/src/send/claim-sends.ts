import { type Channel, type FrequencyCap, type JourneySettings, renderMessage } from '@engine/journey';
import { buildMessageTracking, type ChannelProvider, type OutgoingMessage } from '@engine/channels';
import {
  AppUserEntity,
  type FinalMessageResult,
  MessageStore,
  type MessageStatusChange,
  type OutboxSendRow,
  OutboxStore,
  SendOutcomeStore,
  ThrottleWindowStore,
  UserStore,
} from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { type ProjectProviders } from '../providers/project-providers';
import { type CompiledJourneys } from '../journeys/compiled-journeys';
import { userFacts } from '../users/user-facts';
import { recipientFor } from './recipient';
import { capCounts, capPeriodStart, decideSend, throttleFor, throttleWindow } from './send-policy';
import { attachTemplateParameterNames } from './template-parameter-names';

export type ClaimResult =
  | { kind: 'skipped' }
  | { kind: 'throttled'; until: number }
  | { kind: 'suppressed' | 'failed'; channel: Channel; messageId: string; reason: string }
  /** Cut off mid-send by an earlier attempt: not sent again; its journey moves on as if sent. */
  | { kind: 'unknown'; channel: Channel; messageId: string; reason: string }
  | { kind: 'claimed'; message: OutgoingMessage; provider: ChannelProvider };

export interface ClaimContext {
  manager: EntityManager;
  compiled: CompiledJourneys;
  channels: ProjectProviders;
  /** Where tracking links point, and the secret that signs them. */
  tracking: { publicUrl: string; secret: Buffer };
  now: number;
}

export interface ClaimedSends {
  results: Map<string, ClaimResult>;
  /** Users whose journey sends this claim settled as not sent: queue them so their instances move on. */
  settledUserIds: string[];
}

/**
 * Claims a set of send outbox rows in one transaction: each gets its message row (inserted under
 * its idempotency key) or a reason not to send. A message settled here (suppressed, failed, or
 * interrupted: outcome unknown) gets its outcome recorded for its instance in the same transaction.
 */
export async function claimSends(context: ClaimContext, outboxIds: string[]): Promise<ClaimedSends> {
  const { manager, now } = context;
  const results = new Map<string, ClaimResult>(outboxIds.map((id) => [id, { kind: 'skipped' }]));
  const claimed: ClaimedSends = { results, settledUserIds: [] };
  const rows = await OutboxStore.lockSends(manager, outboxIds);
  const pending = rows.filter((row) => row.status === 'pending');
  if (pending.length === 0) return claimed;

  const keyOf = (row: OutboxSendRow) => `${row.instance_id}:${row.effect.idempotencyKey}`;
  const existing = await MessageStore.byIdempotencyKeys(manager, pending.map(keyOf));
  const users = new Map(
    (await manager.getRepository(AppUserEntity).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids: [...new Set(pending.map((row) => row.user_id))] }).getMany()).map(
      (user) => [user.id, user],
    ),
  );
  const machines = await context.compiled.load(manager, pending.map((row) => row.version_id));
  const settingsOf = (row: OutboxSendRow): JourneySettings => machines.get(row.version_id)!.graph.settings;
  const providerOf = await context.channels.lookup(manager, pending.map((row) => row.project_id));
  if (pending.some((row) => settingsOf(row).frequencyCap)) {
    // Capped sends of one user must not pass the cap side by side: serialize them on the user row.
    await UserStore.lockIds(manager, [...users.keys()]);
  }
  const fresh = pending.filter((row) => !existing.has(keyOf(row)));
  const cappedCounts = await countCappedSends(manager, fresh.map((row) => ({ userId: row.user_id, channel: row.effect.channel, cap: settingsOf(row).frequencyCap })), now);
  const claimedPerUser = new Map<string, number>();

  const inserts: Array<{
    row: OutboxSendRow;
    status: 'queued' | 'suppressed' | 'failed';
    history: MessageStatusChange[];
    content: Record<string, unknown>;
    error: string | null;
    to: OutgoingMessage['to'];
    provider: ChannelProvider;
  }> = [];
  const doneOutboxIds: string[] = [];
  const interrupted: string[] = [];
  for (const row of pending) {
    const effect = row.effect;
    const key = keyOf(row);
    const user = users.get(row.user_id)!;
    const provider = providerOf(row.project_id, effect.channel);
    const previous = existing.get(key);
    if (previous) {
      // Claimed before: only a message waiting for a retry is sent again.
      const recipient = recipientFor(effect.channel, user);
      if (previous.status === 'retrying' && 'to' in recipient) {
        results.set(row.id, { kind: 'claimed', provider, message: outgoing(context, previous.id, row, key, previous.content, recipient.to) });
        continue;
      }
      doneOutboxIds.push(row.id);
      if (previous.status === 'queued' || previous.status === 'retrying') {
        // Claimed by an attempt that died mid-send: the outcome is unknown, so never risk a second one.
        interrupted.push(previous.id);
        results.set(row.id, { kind: 'unknown', channel: effect.channel, messageId: previous.id, reason: INTERRUPTED });
      }
      continue;
    }
    const settings = settingsOf(row);
    const throttle = throttleFor(settings.throttling, effect.channel);
    let throttleWindowSends: number | undefined;
    if (throttle) {
      // Counted in the claim's transaction: a claim that rolls back takes its count back with it.
      const window = throttleWindow(throttle, now);
      throttleWindowSends = await ThrottleWindowStore.countSend(manager, {
        journeyId: row.journey_id,
        channel: effect.channel,
        windowStart: window.start,
        expiresAt: new Date(window.expiresAt),
      });
    }
    const facts = userFacts(user);
    const content = renderMessage(effect.channel, effect.content, { tags: facts.tags, event: effect.eventAttributes, user: facts });
    const cap = settings.frequencyCap;
    const decision = decideSend({
      channel: effect.channel,
      content,
      user,
      settings,
      throttleWindowSends,
      cappedSends: capCounts(cap, effect.channel) ? (cappedCounts.get(capKey(cap, user.id)) ?? 0) + (claimedPerUser.get(user.id) ?? 0) : 0,
      now,
    });
    if (decision.kind === 'wait') {
      results.set(row.id, { kind: 'throttled', until: decision.until });
      continue;
    }
    const at = new Date(now).toISOString();
    if (decision.kind === 'send') {
      claimedPerUser.set(user.id, (claimedPerUser.get(user.id) ?? 0) + 1);
      inserts.push({ row, status: 'queued', history: [{ status: 'queued', at }], content, error: null, to: decision.to, provider });
      continue;
    }
    const status = decision.kind === 'fail' ? 'failed' : 'suppressed';
    inserts.push({ row, status, history: [{ status, at, detail: decision.reason }], content, error: decision.reason, to: {}, provider });
    doneOutboxIds.push(row.id);
  }

  if (inserts.length > 0) {
    const idByKey = await MessageStore.insert(
      manager,
      inserts.map((i) => ({
        projectId: i.row.project_id,
        userId: i.row.user_id,
        journeyId: i.row.journey_id,
        instanceId: i.row.instance_id,
        nodeId: i.row.effect.nodeId,
        visit: i.row.effect.visit,
        channel: i.row.effect.channel,
        provider: i.provider.name,
        status: i.status,
        history: i.history,
        idempotencyKey: keyOf(i.row),
        content: i.content,
        error: i.error,
      })),
    );
    for (const insert of inserts) {
      const messageId = idByKey.get(keyOf(insert.row))!;
      const channel = insert.row.effect.channel;
      results.set(
        insert.row.id,
        insert.status === 'queued'
          ? { kind: 'claimed', provider: insert.provider, message: outgoing(context, messageId, insert.row, keyOf(insert.row), insert.content, insert.to) }
          : { kind: insert.status, channel, messageId, reason: insert.error! },
      );
    }
  }
  await MessageStore.markUnknown(manager, interrupted, INTERRUPTED, new Date(now));
  await OutboxStore.markDone(manager, doneOutboxIds);
  claimed.settledUserIds = await SendOutcomeStore.recordForMessages(manager, [...results.values()].flatMap((result) => journeyOutcome(result, now)));
  await attachTemplateParameterNames(manager, [...results.values()].flatMap((result) => (result.kind === 'claimed' ? [result.message] : [])));
  return claimed;
}

const INTERRUPTED =
  "Sending was cut off before the provider's answer was recorded, so whether it went out is unknown; not sent again, to avoid a duplicate (a later status from the provider settles it)";

/**
 * What a claim settled means to the journey waiting at the send: suppressed and failed are not
 * sent; an unknown outcome counts as sent (it most likely reached the provider, and a fallback sent
 * at once could reach the user twice).
 */
function journeyOutcome(result: ClaimResult, now: number): FinalMessageResult[] {
  if (result.kind === 'suppressed' || result.kind === 'failed') return [{ messageId: result.messageId, outcome: 'not_sent', at: new Date(now), reason: result.reason }];
  if (result.kind === 'unknown') return [{ messageId: result.messageId, outcome: 'sent', at: new Date(now), reason: result.reason }];
  return [];
}

function outgoing(
  context: ClaimContext,
  messageId: string,
  row: OutboxSendRow,
  idempotencyKey: string,
  content: Record<string, unknown>,
  to: OutgoingMessage['to'],
): OutgoingMessage {
  return {
    messageId,
    projectId: row.project_id,
    channel: row.effect.channel,
    idempotencyKey,
    content,
    to,
    user: { id: row.user_id },
    tracking: buildMessageTracking({ publicBaseUrl: context.tracking.publicUrl, secret: context.tracking.secret, messageId }),
  };
}

function capKey(cap: FrequencyCap, userId: string): string {
  return `${[...cap.channels].sort().join(',')}|${cap.period}|${userId}`;
}

/**
 * The messages each frequency cap in play counts for its users, one query per distinct cap (not
 * one per message), keyed by `capKey`. Run after the users' rows are locked.
 */
async function countCappedSends(
  manager: EntityManager,
  sends: ReadonlyArray<{ userId: string; channel: Channel; cap: FrequencyCap | undefined }>,
  now: number,
): Promise<Map<string, number>> {
  const usersByCap = new Map<string, { cap: FrequencyCap; userIds: Set<string> }>();
  for (const { userId, channel, cap } of sends) {
    if (!capCounts(cap, channel)) continue;
    const key = capKey(cap, '');
    const entry = usersByCap.get(key) ?? { cap, userIds: new Set<string>() };
    entry.userIds.add(userId);
    usersByCap.set(key, entry);
  }
  const counts = new Map<string, number>();
  for (const { cap, userIds } of usersByCap.values()) {
    const byUser = await MessageStore.countTowardsCap(manager, [...userIds], cap.channels, capPeriodStart(cap, now));
    for (const [userId, count] of byUser) counts.set(capKey(cap, userId), count);
  }
  return counts;
}
