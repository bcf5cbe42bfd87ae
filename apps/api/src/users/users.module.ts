import { Module } from '@nestjs/common';
import { UserUpsertsService } from './user-upserts.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The user API: profiles addressed by the customer's own id, batch import, GDPR erasure. */
@Module({
  controllers: [UsersController],
  providers: [UsersService, UserUpsertsService],
})
export class UsersModule {}
