import { type Channel } from '@engine/journey';
import { type EntityManager } from 'typeorm';
import { AppUserEntity, type ChannelOptIns, type PushToken } from '../entities/app-user.entity';

/**
 * The one lock order for user rows. The user row is the unit of serialization: every writer that
 * holds several users' rows at once takes their locks in this order, so two transactions sharing
 * users wait for each other instead of deadlocking. Rows already in the table are locked by
 * internal id (`ORDER BY id FOR UPDATE`, see `lock`); rows an INSERT creates or upserts are written in the
 * code-unit order of the customer's ids (`compareUserIds`), since they have no internal id yet.
 */
const IN_LOCK_ORDER = 'ORDER BY id FOR UPDATE';

/** Code-unit order of customer user ids: the order in which new or upserted user rows are written. */
function compareUserIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One row of the upsert statement's input, keys as its SQL reads them; a field not given is kept. */
export interface UserUpsertRow {
  external_id: string;
  /** Tags to set (nulls removed); null when tags were not given. */
  tags: Record<string, unknown> | null;
  removed_tags: string[] | null;
  email: string | null;
  has_email: boolean;
  phone: string | null;
  /** ISO 3166 alpha-2 of the phone number; written with the phone. */
  country: string | null;
  has_phone: boolean;
  time_zone: string | null;
  has_time_zone: boolean;
  language: string | null;
  has_language: boolean;
  opt_ins: Partial<ChannelOptIns> | null;
  push_tokens: PushToken[] | null;
}

/** Users per INSERT statement: one JSON parameter each, well under PostgreSQL's limits. */
const UPSERT_CHUNK_SIZE = 1000;

/** Mirrors the column default of `users.opt_ins`: channels are opted in until told otherwise. */
const DEFAULT_OPT_INS = { push: true, email: true, whatsapp: true, sms: true };

/**
 * Insert-or-merge in one statement per chunk. Which fields were given travels in the input
 * (`has_email`...): ON CONFLICT can only see the new row, so the DO UPDATE reads the input back by
 * external id. Rows go in `position` order (see IN_LOCK_ORDER).
 */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(
    external_id text, tags jsonb, removed_tags text[],
    email text, has_email boolean, phone text, country text, has_phone boolean,
    time_zone text, has_time_zone boolean, language text, has_language boolean,
    opt_ins jsonb, push_tokens jsonb, position int)
)
INSERT INTO users AS u (project_id, external_id, tags, email, phone, country, time_zone, language, opt_ins, push_tokens)
SELECT $1, i.external_id, coalesce(i.tags, '{}'), i.email, i.phone, i.country, i.time_zone, i.language,
       $3::jsonb || coalesce(i.opt_ins, '{}'), coalesce(i.push_tokens, '[]')
  FROM input i
 ORDER BY i.position
ON CONFLICT (project_id, external_id) DO UPDATE
   SET (tags, email, phone, country, time_zone, language, opt_ins, push_tokens, updated_at) = (
     SELECT (u.tags || coalesce(i.tags, '{}')) - coalesce(i.removed_tags, '{}'),
            CASE WHEN i.has_email THEN i.email ELSE u.email END,
            CASE WHEN i.has_phone THEN i.phone ELSE u.phone END,
            CASE WHEN i.has_phone THEN i.country ELSE u.country END,
            CASE WHEN i.has_time_zone THEN i.time_zone ELSE u.time_zone END,
            CASE WHEN i.has_language THEN i.language ELSE u.language END,
            u.opt_ins || coalesce(i.opt_ins, '{}'),
            CASE WHEN i.push_tokens IS NULL THEN u.push_tokens ELSE (
              -- A token the user already had keeps its addedAt.
              SELECT coalesce(jsonb_agg(given.token || coalesce((
                       SELECT jsonb_build_object('addedAt', known->'addedAt')
                         FROM jsonb_array_elements(u.push_tokens) known
                        WHERE known->>'token' = given.token->>'token' AND known ? 'addedAt'
                        LIMIT 1), '{}') ORDER BY given.position), '[]')
                FROM jsonb_array_elements(i.push_tokens) WITH ORDINALITY AS given(token, position)
            ) END,
            now()
       FROM input i
      WHERE i.external_id = EXCLUDED.external_id)`;

/** The one writer of `users`, and the keeper of their lock order. */
export const UserStore = {
  /** Locks the users' rows and loads them. */
  async lock(manager: EntityManager, userIds: readonly string[]): Promise<AppUserEntity[]> {
    return manager
      .getRepository(AppUserEntity)
      .createQueryBuilder('u')
      .where('u.id = ANY(:ids)', { ids: userIds })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
  },

  /** Locks the users' rows without loading them. */
  async lockIds(manager: EntityManager, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(`SELECT id FROM users WHERE id = ANY($1) ${IN_LOCK_ORDER}`, [userIds]);
  },

  /**
   * Internal ids of users known by the customer's ids, creating the unknown ones (events and API
   * entries may name users nobody upserted yet).
   */
  async ensureExist(
    manager: EntityManager,
    projectId: string,
    externalIds: readonly string[],
    options: { seenAt?: Date } = {},
  ): Promise<Map<string, string>> {
    const distinct = [...new Set(externalIds)].sort(compareUserIds);
    if (options.seenAt) {
      // Event ingestion: the same statement records when the users were last seen (the user.lastSeenAt
      // default tag), refreshed at most once a minute per user so busy users are not rewritten per batch.
      await manager.query(
        `INSERT INTO users (project_id, external_id, last_seen_at) SELECT $1, unnest($2::text[]), $3
         ON CONFLICT (project_id, external_id) DO UPDATE SET last_seen_at = excluded.last_seen_at
          WHERE users.last_seen_at IS NULL OR users.last_seen_at < excluded.last_seen_at - interval '1 minute'`,
        [projectId, distinct, options.seenAt],
      );
    } else {
      await manager.query(
        `INSERT INTO users (project_id, external_id) SELECT $1, unnest($2::text[]) ON CONFLICT (project_id, external_id) DO NOTHING`,
        [projectId, distinct],
      );
    }
    const users = await manager.query<Array<{ id: string; external_id: string }>>(
      `SELECT id, external_id FROM users WHERE project_id = $1 AND external_id = ANY($2)`,
      [projectId, distinct],
    );
    return new Map(users.map((user) => [user.external_id, user.id]));
  },

  /**
   * Inserts or merges users, one statement per chunk; rows are written in lock order whatever
   * order they come in. Each external id at most once.
   */
  async upsert(manager: EntityManager, projectId: string, users: readonly UserUpsertRow[]): Promise<void> {
    const sorted = [...users].sort((a, b) => compareUserIds(a.external_id, b.external_id));
    for (let start = 0; start < sorted.length; start += UPSERT_CHUNK_SIZE) {
      const rows = sorted.slice(start, start + UPSERT_CHUNK_SIZE).map((row, position) => ({ ...row, position }));
      await manager.query(UPSERT_SQL, [projectId, JSON.stringify(rows), JSON.stringify(DEFAULT_OPT_INS)]);
    }
  },

  /**
   * Creates users for phone numbers nobody has (their customer id is the number), then records
   * when each last wrote to us on WhatsApp (opening the 24-hour window for free-form text).
   */
  async recordInboundWhatsApp(
    manager: EntityManager,
    projectId: string,
    inbound: ReadonlyArray<{ externalId: string; at: Date }>,
    newUsers: ReadonlyArray<{ phone: string; country: string | null }>,
  ): Promise<void> {
    if (newUsers.length > 0) {
      const sorted = [...newUsers].sort((a, b) => compareUserIds(a.phone, b.phone));
      await manager.query(
        `INSERT INTO users (project_id, external_id, phone, country) SELECT $1, phone, phone, country FROM unnest($2::text[], $3::text[]) AS n(phone, country)
         ON CONFLICT (project_id, external_id) DO UPDATE SET phone = coalesce(users.phone, excluded.phone),
           country = CASE WHEN users.phone IS NULL THEN excluded.country ELSE users.country END`,
        [projectId, sorted.map((user) => user.phone), sorted.map((user) => user.country)],
      );
    }
    const externalIds = inbound.map((entry) => entry.externalId);
    await manager.query(`SELECT id FROM users WHERE project_id = $1 AND external_id = ANY($2) ${IN_LOCK_ORDER}`, [projectId, externalIds]);
    await manager.query(
      `UPDATE users SET last_inbound_whatsapp_at = greatest(users.last_inbound_whatsapp_at, v.at), updated_at = now()
         FROM (SELECT external_id, max(at) AS at FROM unnest($2::text[], $3::timestamptz[]) AS i(external_id, at) GROUP BY external_id) v
        WHERE users.project_id = $1 AND users.external_id = v.external_id`,
      [projectId, externalIds, inbound.map((entry) => entry.at.toISOString())],
    );
  },

  /** Writes tags a step changed. Run under the users' row locks. */
  async writeTags(manager: EntityManager, users: ReadonlyArray<{ id: string; tags: Record<string, unknown> }>): Promise<void> {
    if (users.length === 0) return;
    await manager.query(
      `UPDATE users SET tags = v.tags, updated_at = now()
         FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, tags) WHERE users.id = v.id`,
      [users.map((user) => user.id), users.map((user) => JSON.stringify(user.tags))],
    );
  },

  /** Push tokens the push service says will never work again leave the user's profile. */
  async removePushTokens(manager: EntityManager, userId: string, tokens: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE users SET push_tokens = coalesce((SELECT jsonb_agg(t) FROM jsonb_array_elements(push_tokens) t WHERE NOT (t->>'token' = ANY($2))), '[]'::jsonb),
              updated_at = now() WHERE id = $1`,
      [userId, tokens],
    );
  },

  /** Turns one channel's opt-in of the user off (an unsubscribe link). */
  async optOut(manager: EntityManager, userId: string, channel: Channel): Promise<void> {
    await manager.query(`UPDATE users SET opt_ins = opt_ins || jsonb_build_object($2::text, false), updated_at = now() WHERE id = $1`, [userId, channel]);
  },

  /**
   * GDPR erasure. Foreign keys cascade from the user row to its events, journey instances and
   * messages, and from instances to their outbox rows and conversions: one statement removes all.
   * Returns whether the user existed.
   */
  async erase(manager: EntityManager, projectId: string, externalId: string): Promise<boolean> {
    const [, affected] = await manager.query<[unknown[], number]>('DELETE FROM users WHERE project_id = $1 AND external_id = $2', [projectId, externalId]);
    return affected > 0;
  },
};
