import { Module } from '@nestjs/common';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';

/** Saved segments: CRUD, live preview counts and their users. */
@Module({ controllers: [SegmentsController], providers: [SegmentsService], exports: [SegmentsService] })
export class SegmentsModule {}
