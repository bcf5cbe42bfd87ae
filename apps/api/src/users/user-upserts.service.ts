import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppUserEntity, inTransaction, UserStore } from '@engine/persistence';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { BatchUserDto } from './dto/batch-upsert-users.dto';
import { type UserDto } from './dto/user.response';
import { type UserFieldsDto } from './dto/user-fields.dto';
import { mergeUserChanges, toUpsertRow, type UserChanges } from './user-changes';
import { toUserDto } from './to-user-dto';

/** Validating 10 000 users takes a while: other requests get the event loop every this many. */
const VALIDATION_SLICE = 500;
/** A batch with thousands of bad users answers with the first problems only. */
const MAX_REPORTED_PROBLEMS = 100;

@Injectable()
export class UserUpsertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsertOne(projectId: string, userId: string, fields: UserFieldsDto): Promise<UserDto> {
    return inTransaction(this.dataSource, async (manager) => {
      await UserStore.upsert(manager, projectId, [toUpsertRow(changesFrom(userId, fields), new Date().toISOString())]);
      return toUserDto(await manager.findOneByOrFail(AppUserEntity, { projectId, externalId: userId }));
    });
  }

  /**
   * All or nothing: a batch with any bad user is refused as a whole, listing every problem by
   * index, so a client never has to work out which half of an import was stored.
   */
  async upsertBatch(projectId: string, users: unknown[]): Promise<{ upserted: number }> {
    const changes = mergeUserChanges(await readBatch(users));
    const now = new Date().toISOString();
    await inTransaction(this.dataSource, (manager) => UserStore.upsert(manager, projectId, changes.map((change) => toUpsertRow(change, now))));
    return { upserted: changes.length };
  }
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
