import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { JourneyEntriesController } from './journey-entries.controller';

@Module({ imports: [TypeOrmModule.forFeature([ProjectEntity])], controllers: [JourneyEntriesController] })
export class JourneyEntriesModule {}
