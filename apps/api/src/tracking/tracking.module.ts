import { Module } from '@nestjs/common';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

/** Open pixels, click redirects and unsubscribe links of sent messages. */
@Module({ controllers: [TrackingController], providers: [TrackingService] })
export class TrackingModule {}
