import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { EventNamesService } from './event-names.service';
import { EventsController } from './events.controller';

@Module({ imports: [TypeOrmModule.forFeature([ProjectEntity])], controllers: [EventsController], providers: [EventNamesService] })
export class EventsModule {}
