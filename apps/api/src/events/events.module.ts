import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { EventsController } from './events.controller';

@Module({ imports: [TypeOrmModule.forFeature([ProjectEntity])], controllers: [EventsController] })
export class EventsModule {}
