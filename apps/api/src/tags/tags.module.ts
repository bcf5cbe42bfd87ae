import { Module } from '@nestjs/common';
import { TagsController } from './tags.controller';
import { TagsService } from './tags.service';

/** The tag catalogue: names, enforced types, descriptions. */
@Module({
  controllers: [TagsController],
  providers: [TagsService],
})
export class TagsModule {}
