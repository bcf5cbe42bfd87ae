import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

/** Sent messages across journeys, and the sandbox inbox. */
@Module({
  // ProjectEntity: ApiKeyGuard resolves the caller's project.
  imports: [TypeOrmModule.forFeature([ProjectEntity])],
  controllers: [MessagesController],
  providers: [MessagesService],
})
export class MessagesModule {}
