import { type Channel, type JourneySettings } from '@engine/journey';
import { buildMessageTracking, type ChannelProvider, type OutgoingMessage } from '@engine/channels';
import {
  AppUserEntity,
  type FinalMessageResult,
  MessageStore,
  type MessageStatusChange,
  type OutboxSendRow,
  OutboxStore,
  SendOutcomeStore,
  UserStore,
} from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { type ProjectChannels } from '../channels/project-channels';
import { type CompiledJourneys } from '../journeys/compiled-journeys';
import { userFacts } from '../users/user-facts';
import { frequencyCapReached } from './frequency-cap';
import { reserveThrottledSend } from './journey-throttle';
import { recipientFor } from './recipient';
import { renderMessage } from './render-message';
import { attachTemplateParameterNames } from './template-parameter-names';

/** Marks a queued message whose last attempt failed in a way worth retrying. */
export const RETRY_MARK = 'retry: ';

export type ClaimResult =
  | { kind: 'skipped' }
  | { kind: 'throttled'; until: number }
  | { kind: 'suppressed' | 'failed'; channel: Channel; messageId: string; reason: string }
  | { kind: 'claimed'; message: OutgoingMessage; provider: ChannelProvider };

export interface ClaimContext {
  manager: EntityManager;
  compiled: CompiledJourneys;
  channels: ProjectChannels;
  /** Where tracking links point, and the secret that signs them. */
  tracking: { publicUrl: string; secret: Buffer };
  now: number;
}

/** WhatsApp allows free-form text only this long after the user's last message to the business. */
const WHATSAPP_TEXT_WINDOW_MS = 24 * 3_600_000;

export interface ClaimedSends {
  results: Map<string, ClaimResult>;
  /** Users whose journey sends this claim settled as not sent: queue them so their instances move on. */
  settledUserIds: string[];
}

/**
 * Claims a set of send outbox rows in one transaction: each gets its message row (inserted under
 * its idempotency key) or a reason not to send. A message settled here (suppressed, failed, or
 * interrupted) gets its outcome recorded for its instance in the same transaction.
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
  const providerOf = await context.channels.lookup(manager, pending.map((row) => row.project_id));
  if (pending.some((row) => machines.get(row.version_id)!.graph.settings.frequencyCap)) {
    // Capped sends of one user must not pass the cap side by side: serialize them on the user row.
    await UserStore.lockIds(manager, [...users.keys()]);
  }
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
    const recipient = recipientFor(effect.channel, user);
    const previous = existing.get(key);
    if (previous) {
      const retrying = previous.status === 'queued' && previous.status_history.at(-1)?.detail?.startsWith(RETRY_MARK);
      if (retrying && 'to' in recipient) {
        results.set(row.id, { kind: 'claimed', provider, message: outgoing(context, previous.id, row, key, previous.content, recipient.to) });
        continue;
      }
      doneOutboxIds.push(row.id);
      if (previous.status === 'queued') {
        // Claimed by an attempt that died mid-send: the outcome is unknown, so never risk a second one.
        interrupted.push(previous.id);
        results.set(row.id, { kind: 'failed', channel: effect.channel, messageId: previous.id, reason: INTERRUPTED });
      }
      continue;
    }
    const settings: JourneySettings = machines.get(row.version_id)!.graph.settings;
    const throttledUntil = await reserveThrottledSend(manager, row.journey_id, effect.channel, settings.throttling, now);
    if (throttledUntil !== undefined) {
      results.set(row.id, { kind: 'throttled', until: throttledUntil });
      continue;
    }
    const facts = userFacts(user);
    const content = renderMessage(effect.channel, effect.content, { tags: facts.tags, event: effect.eventAttributes, user: facts });
    let suppressed: string | undefined;
    let failed: string | undefined;
    if ('missing' in recipient) suppressed = `Not sent: ${recipient.missing}`;
    else if (effect.channel === 'whatsapp' && content['mode'] === 'text' && !withinWhatsAppWindow(user.lastInboundWhatsAppAt, now)) {
      failed =
        'Not sent: WhatsApp allows free-form text only within 24 hours of the user\'s last message' +
        `${user.lastInboundWhatsAppAt ? ` (last one ${user.lastInboundWhatsAppAt.toISOString()})` : ' (they never wrote)'}; use an approved template instead`;
    }
    else if (settings.frequencyCap && (await frequencyCapReached(manager, user.id, effect.channel, settings.frequencyCap, now, claimedPerUser.get(user.id)))) {
      suppressed = `Not sent: frequency cap of ${settings.frequencyCap.maxMessages} per ${settings.frequencyCap.period} reached`;
    }
    const held = failed ? { status: 'failed' as const, reason: failed } : suppressed ? { status: 'suppressed' as const, reason: suppressed } : undefined;
    if (!held) claimedPerUser.set(user.id, (claimedPerUser.get(user.id) ?? 0) + 1);
    const at = new Date(now).toISOString();
    inserts.push({
      row,
      status: held?.status ?? 'queued',
      history: [held ? { status: held.status, at, detail: held.reason } : { status: 'queued', at }],
      content,
      error: held?.reason ?? null,
      to: 'to' in recipient ? recipient.to : {},
      provider,
    });
    if (held) doneOutboxIds.push(row.id);
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
  await MessageStore.fail(manager, interrupted, INTERRUPTED, new Date(now));
  await OutboxStore.markDone(manager, doneOutboxIds);
  const notSent: FinalMessageResult[] = [...results.values()].flatMap((result) =>
    result.kind === 'suppressed' || result.kind === 'failed' ? [{ messageId: result.messageId, outcome: 'not_sent' as const, at: new Date(now), reason: result.reason }] : [],
  );
  claimed.settledUserIds = await SendOutcomeStore.recordForMessages(manager, notSent);
  await attachTemplateParameterNames(manager, [...results.values()].flatMap((result) => (result.kind === 'claimed' ? [result.message] : [])));
  return claimed;
}

const INTERRUPTED = 'Sending was interrupted and its outcome is unknown; not retried, to avoid a duplicate';

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

function withinWhatsAppWindow(lastInbound: Date | null, now: number): boolean {
  return lastInbound !== null && now - lastInbound.getTime() < WHATSAPP_TEXT_WINDOW_MS;
}
