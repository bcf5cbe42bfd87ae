import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppUserEntity, inTransaction, UserStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type BatchUserDto } from './dto/batch-upsert-users.dto';
import { type UserDto } from './dto/user.response';
import { type UserFieldsDto } from './dto/user-fields.dto';
import { mergeUserChanges, toUpsertRow, type UserChanges } from './user-changes';
import { toUserDto } from './to-user-dto';

@Injectable()
export class UserUpsertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsertOne(projectId: string, userId: string, fields: UserFieldsDto): Promise<UserDto> {
    return inTransaction(this.dataSource, async (manager) => {
      await UserStore.upsert(manager, projectId, [toUpsertRow(changesFrom(userId, fields), new Date().toISOString())]);
      return toUserDto(await manager.findOneByOrFail(AppUserEntity, { projectId, externalId: userId }));
    });
  }

  /** The valid users of a batch (parseUserBatch set the bad ones aside), in one transaction. */
  async upsertBatch(projectId: string, users: readonly BatchUserDto[]): Promise<{ upserted: number }> {
    const changes = mergeUserChanges(users.map((user) => changesFrom(user.userId, user)));
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
