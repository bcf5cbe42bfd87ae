import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareUserIds, inTransaction } from '@engine/execution';
import { AppUserEntity } from '@engine/persistence';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { BatchUserDto } from './dto/batch-upsert-users.dto';
import { type UserDto } from './dto/user.response';
import { type UserFieldsDto } from './dto/user-fields.dto';
import { mergeUserChanges, toUpsertRow, type UserChanges } from './user-changes';
import { toUserDto } from './to-user-dto';

/** Users per INSERT statement: one JSON parameter each, well under PostgreSQL's limits. */
const CHUNK_SIZE = 1000;
/** Validating 10 000 users takes a while: other requests get the event loop every this many. */
const VALIDATION_SLICE = 500;
/** A batch with thousands of bad users answers with the first problems only. */
const MAX_REPORTED_PROBLEMS = 100;
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

  /**
   * All or nothing: a batch with any bad user is refused as a whole, listing every problem by
   * index, so a client never has to work out which half of an import was stored.
   */
  async upsertBatch(projectId: string, users: unknown[]): Promise<{ upserted: number }> {
    const changes = mergeUserChanges(await readBatch(users)).sort(byUserId);
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

/** Validates every user of a batch, naming problems by index: `users[3].phone must be ...`. */
async function readBatch(users: unknown[]): Promise<UserChanges[]> {
  const problems: string[] = [];
  const changes: UserChanges[] = [];
  for (const [index, user] of users.entries()) {
    if (index > 0 && index % VALIDATION_SLICE === 0) await yieldToEventLoop();
    const path = `users[${index}]`;
    if (typeof user !== 'object' || user === null || Array.isArray(user)) {
      problems.push(`${path} must be an object`);
      continue;
    }
    const dto = plainToInstance(BatchUserDto, user);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) problems.push(...describeErrors(errors, path));
    else changes.push(changesFrom(dto.userId, dto));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
    if (problems.length > shown.length) shown.push(`...and ${problems.length - shown.length} more problems`);
    throw new BadRequestException(shown);
  }
  return changes;
}

function describeErrors(errors: ValidationError[], path: string): string[] {
  return errors.flatMap((error) => {
    const here = /^\d+$/.test(error.property) ? `${path}[${error.property}]` : `${path}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      if (constraint === 'whitelistValidation') return `${here} should not exist`;
      // Messages start with the property name ("phone must be ..."): prefix the path of its parent.
      return message.startsWith(error.property) ? `${path}.${message}` : `${here}: ${message}`;
    });
    return [...own, ...describeErrors(error.children ?? [], here)];
  });
}
