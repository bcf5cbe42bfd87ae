import { Module } from '@nestjs/common';
import { SegmentsModule } from '../segments/segments.module';
import { UserListController } from './user-list.controller';
import { UserListService } from './user-list.service';

/** The users page's list: search, users at a step or in a segment, keyset paging. */
@Module({ imports: [SegmentsModule], controllers: [UserListController], providers: [UserListService] })
export class UserListModule {}
