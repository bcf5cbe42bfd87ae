import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { UserUpsertsService } from './user-upserts.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The user API: profiles addressed by the customer's own id, batch import, GDPR erasure. */
@Module({
  // ProjectEntity: ApiKeyGuard resolves the caller's project.
  imports: [TypeOrmModule.forFeature([ProjectEntity])],
  controllers: [UsersController],
  providers: [UsersService, UserUpsertsService],
})
export class UsersModule {}
