import { Module } from '@nestjs/common';
import { WhatsAppModule } from '../whatsapp/whatsapp.module';
import { JourneyLifecycleController } from './journey-lifecycle.controller';
import { JourneyLifecycleService } from './journey-lifecycle.service';
import { JourneyStatsController } from './journey-stats.controller';
import { JourneyStatsService } from './journey-stats.service';
import { JourneyVersionsController } from './journey-versions.controller';
import { JourneyVersionsService } from './journey-versions.service';
import { JourneysController } from './journeys.controller';
import { JourneysService } from './journeys.service';

/** The journey API: drafts, publishing and status, versions and statistics. */
@Module({
  // WhatsAppModule: publishing checks the template registry.
  imports: [WhatsAppModule],
  controllers: [JourneysController, JourneyLifecycleController, JourneyVersionsController, JourneyStatsController],
  providers: [JourneysService, JourneyLifecycleService, JourneyVersionsService, JourneyStatsService],
})
export class JourneysModule {}
