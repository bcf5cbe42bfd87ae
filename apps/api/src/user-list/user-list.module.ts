import { Module } from '@nestjs/common';
import { UserListController } from './user-list.controller';
import { UserListService } from './user-list.service';

/** The users page's list: search, users at a step, keyset paging. */
@Module({ controllers: [UserListController], providers: [UserListService] })
export class UserListModule {}
