import { type Channel, type Effect, type JourneySettings } from '@engine/journey';
import { buildMessageTracking, type ChannelProvider, type OutgoingMessage } from '@engine/channels';
import { AppUserEntity, type FinalMessageResult, type MessageStatusChange, SendOutcomeStore } from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { type ProjectChannels } from '../channels/project-channels';
import { type CompiledJourneys } from '../journeys/compiled-journeys';
import { userFacts } from '../users/user-facts';
import { frequencyCapReached } from './frequency-cap';
import { reserveThrottledSend } from './journey-throttle';
import { recipientFor } from './recipient';
import { renderMessage } from './render-message';
import { attachTemplateParameterNames } from './template-parameter-names';

export type SendEffect = Extract<Effect, { kind: 'send' }>;

/** Marks a queued message whose last attempt failed in a way worth retrying. */
export const RETRY_MARK = 'retry: ';

export type ClaimResult =
  | { kind: 'skipped' }
  | { kind: 'throttled'; until: number }
  | { kind: 'suppressed' | 'failed'; channel: Channel; messageId: string; reason: string }
  | { kind: 'claimed'; message: OutgoingMessage; provider: ChannelProvider };

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

interface ExistingMessage {
  id: string;
  idempotency_key: string;
  status: string;
  status_history: MessageStatusChange[];
  content: Record<string, unknown>;
}

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
 * interrupted) gets its outcome recorded for its instance in the same transaction. Rows are locked
 * in id order so concurrent claims cannot deadlock.
 */
export async function claimSends(context: ClaimContext, outboxIds: string[]): Promise<ClaimedSends> {
  const { manager, now } = context;
  const results = new Map<string, ClaimResult>(outboxIds.map((id) => [id, { kind: 'skipped' }]));
  const claimed: ClaimedSends = { results, settledUserIds: [] };
  const rows = await manager.query<OutboxSendRow[]>(
    `SELECT o.id, o.status, o.effect, o.project_id, o.instance_id, i.journey_id, i.version_id, i.user_id
       FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
      WHERE o.id = ANY($1::bigint[]) AND o.kind = 'send' ORDER BY o.id FOR UPDATE OF o`,
    [outboxIds],
  );
  const pending = rows.filter((row) => row.status === 'pending');
  if (pending.length === 0) return claimed;

  const keyOf = (row: OutboxSendRow) => `${row.instance_id}:${row.effect.idempotencyKey}`;
  const existing = new Map(
    (
      await manager.query<ExistingMessage[]>(
        `SELECT id, idempotency_key, status, status_history, content FROM messages WHERE idempotency_key = ANY($1)`,
        [pending.map(keyOf)],
      )
    ).map((message) => [message.idempotency_key, message]),
  );
  const users = new Map(
    (await manager.getRepository(AppUserEntity).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids: [...new Set(pending.map((row) => row.user_id))] }).getMany()).map(
      (user) => [user.id, user],
    ),
  );
  const machines = await context.compiled.load(manager, pending.map((row) => row.version_id));
  const providerOf = await context.channels.lookup(manager, pending.map((row) => row.project_id));
  if (pending.some((row) => machines.get(row.version_id)!.graph.settings.frequencyCap)) {
    // Capped sends of one user must not pass the cap side by side: serialize them on the user row.
    await manager.query(`SELECT id FROM users WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [[...users.keys()]]);
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
    const inserted = await manager.query<Array<{ id: string; idempotency_key: string }>>(
      `INSERT INTO messages (project_id, user_id, journey_id, instance_id, node_id, visit, channel, provider, status, status_history, idempotency_key, content, error)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::jsonb[], $13::text[])
       RETURNING id, idempotency_key`,
      [
        inserts.map((i) => i.row.project_id),
        inserts.map((i) => i.row.user_id),
        inserts.map((i) => i.row.journey_id),
        inserts.map((i) => i.row.instance_id),
        inserts.map((i) => i.row.effect.nodeId),
        inserts.map((i) => i.row.effect.visit),
        inserts.map((i) => i.row.effect.channel),
        inserts.map((i) => i.provider.name),
        inserts.map((i) => i.status),
        inserts.map((i) => JSON.stringify(i.history)),
        inserts.map((i) => keyOf(i.row)),
        inserts.map((i) => JSON.stringify(i.content)),
        inserts.map((i) => i.error),
      ],
    );
    const idByKey = new Map(inserted.map((row) => [row.idempotency_key, row.id]));
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
  if (interrupted.length > 0) {
    await manager.query(
      `UPDATE messages SET status = 'failed', error = $2, status_history = status_history || $3::jsonb, updated_at = now() WHERE id = ANY($1)`,
      [interrupted, INTERRUPTED, JSON.stringify([{ status: 'failed', at: new Date(now).toISOString(), detail: INTERRUPTED }])],
    );
  }
  if (doneOutboxIds.length > 0) {
    await manager.query(`UPDATE outbox SET status = 'done', attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [doneOutboxIds]);
  }
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
