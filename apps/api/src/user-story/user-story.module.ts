import { Module } from '@nestjs/common';
import { UserStoryController } from './user-story.controller';
import { UserStoryService } from './user-story.service';

/** A user's story: every step, every message, every reason a message was not sent. */
@Module({ controllers: [UserStoryController], providers: [UserStoryService] })
export class UserStoryModule {}
