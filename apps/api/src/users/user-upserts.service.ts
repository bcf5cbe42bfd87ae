import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppUserEntity, inTransaction, UserStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type BatchUserDto } from './dto/batch-upsert-users.dto';
import { type UserDto } from './dto/user.response';
import { type UserFieldsDto } from './dto/user-fields.dto';
import { mergeUserChanges, toUpsertRow, type UserChanges } from './user-changes';
import { toUserDto } from './to-user-dto';
import { describeTagProblems, enforceTagTypes } from './enforce-tag-types';
import { type RejectedUser } from './parse-user-batch';

@Injectable()
export class UserUpsertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 422 naming the user and the tag when a tag value does not fit the catalogue's type; nothing is written then. */
  async upsertOne(projectId: string, userId: string, fields: UserFieldsDto): Promise<UserDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const [problems] = await enforceTagTypes(manager, projectId, [fields.tags]);
      if (problems.length > 0) {
        throw new UnprocessableEntityException({ message: describeTagProblems(problems, `User "${userId}"`), userId, tags: problems });
      }
      await UserStore.upsert(manager, projectId, [toUpsertRow(changesFrom(userId, fields), new Date().toISOString())]);
      return toUserDto(await manager.findOneByOrFail(AppUserEntity, { projectId, externalId: userId }));
    });
  }

  /**
   * The valid users of a batch (parseUserBatch set the bad ones aside), in one transaction. Users
   * with a tag value the catalogue's type refuses are left out and returned in `rejected` by index.
   */
  async upsertBatch(projectId: string, users: ReadonlyArray<{ index: number; user: BatchUserDto }>): Promise<{ upserted: number; rejected: RejectedUser[] }> {
    const now = new Date().toISOString();
    return inTransaction(this.dataSource, async (manager) => {
      const problems = await enforceTagTypes(manager, projectId, users.map(({ user }) => user.tags));
      const rejected = users.flatMap(({ index }, position) =>
        problems[position].length > 0 ? [{ index, errors: describeTagProblems(problems[position], `users[${index}]`) }] : [],
      );
      const accepted = users.filter((_, position) => problems[position].length === 0);
      const changes = mergeUserChanges(accepted.map(({ user }) => changesFrom(user.userId, user)));
      await UserStore.upsert(manager, projectId, changes.map((change) => toUpsertRow(change, now)));
      return { upserted: changes.length, rejected };
    });
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
