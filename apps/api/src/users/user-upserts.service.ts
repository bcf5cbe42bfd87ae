import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareUserIds, inTransaction } from '@engine/execution';
import { AppUserEntity } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type BatchUserDto } from './dto/batch-upsert-users.dto';
import { type UserDto } from './dto/user.response';
import { type UserFieldsDto } from './dto/user-fields.dto';
import { mergeUserChanges, toUpsertRow, type UserChanges } from './user-changes';
import { toUserDto } from './to-user-dto';

/** Users per INSERT statement: one JSON parameter each, well under PostgreSQL's limits. */
const CHUNK_SIZE = 1000;
/** Mirrors the column default of `users.opt_ins`: channels are opted in until told otherwise. */
const DEFAULT_OPT_INS = { push: true, email: true, whatsapp: true, sms: true };

/**
 * Insert-or-merge in one statement per chunk. Which fields were given travels in the input
 * (`has_email`...): ON CONFLICT can only see the new row, so the DO UPDATE reads the input back by
 * external id. Rows go in `position` order (the batch sorted by user id) so concurrent batches
 * lock shared users in the same order.
 */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(
    external_id text, tags jsonb, removed_tags text[],
    email text, has_email boolean, phone text, has_phone boolean,
    time_zone text, has_time_zone boolean, language text, has_language boolean,
    opt_ins jsonb, push_tokens jsonb, position int)
)
INSERT INTO users AS u (project_id, external_id, tags, email, phone, time_zone, language, opt_ins, push_tokens)
SELECT $1, i.external_id, coalesce(i.tags, '{}'), i.email, i.phone, i.time_zone, i.language,
       $3::jsonb || coalesce(i.opt_ins, '{}'), coalesce(i.push_tokens, '[]')
  FROM input i
 ORDER BY i.position
ON CONFLICT (project_id, external_id) DO UPDATE
   SET (tags, email, phone, time_zone, language, opt_ins, push_tokens, updated_at) = (
     SELECT (u.tags || coalesce(i.tags, '{}')) - coalesce(i.removed_tags, '{}'),
            CASE WHEN i.has_email THEN i.email ELSE u.email END,
            CASE WHEN i.has_phone THEN i.phone ELSE u.phone END,
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

@Injectable()
export class UserUpsertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsertOne(projectId: string, userId: string, fields: UserFieldsDto): Promise<UserDto> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.write(manager, projectId, [changesFrom(userId, fields)]);
      return toUserDto(await manager.findOneByOrFail(AppUserEntity, { projectId, externalId: userId }));
    });
  }

  /** The valid users of a batch (parseUserBatch set the bad ones aside), in one transaction. */
  async upsertBatch(projectId: string, users: readonly BatchUserDto[]): Promise<{ upserted: number }> {
    const changes = mergeUserChanges(users.map((user) => changesFrom(user.userId, user))).sort(byUserId);
    await inTransaction(this.dataSource, async (manager) => {
      for (let start = 0; start < changes.length; start += CHUNK_SIZE) {
        await this.write(manager, projectId, changes.slice(start, start + CHUNK_SIZE));
      }
    });
    return { upserted: changes.length };
  }

  private async write(manager: EntityManager, projectId: string, changes: UserChanges[]): Promise<void> {
    const now = new Date().toISOString();
    const rows = changes.map((change, position) => ({ ...toUpsertRow(change, now), position }));
    await manager.query(UPSERT_SQL, [projectId, JSON.stringify(rows), JSON.stringify(DEFAULT_OPT_INS)]);
  }
}

/** The lock order every writer of users follows (event ingestion too), so they cannot deadlock. */
function byUserId(a: UserChanges, b: UserChanges): number {
  return compareUserIds(a.userId, b.userId);
}

function changesFrom(userId: string, fields: UserFieldsDto): UserChanges {
  return {
    userId,
    tags: fields.tags,
    email: fields.email,
    phone: fields.phone,
    timeZone: fields.timeZone,
    language: fields.language,
    // DTO instances carry omitted properties as undefined: only the channels given are merged.
    optIns: fields.optIns
      ? Object.fromEntries(Object.entries(fields.optIns).filter(([, value]) => value !== undefined))
      : undefined,
    pushTokens: fields.pushTokens?.map(({ token, platform }) => ({ token, platform })),
  };
}
