import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecutionModule } from '@engine/execution';
import { dataSourceOptions } from '@engine/persistence';
import { TeamModule } from './accounts/team.module';
import { ChannelSettingsModule } from './channel-settings/channel-settings.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { JourneyEntriesModule } from './journey-entries/journey-entries.module';
import { JourneysModule } from './journeys/journeys.module';
import { MessagesModule } from './messages/messages.module';
import { MetricsModule } from './metrics/metrics.module';
import { TagsModule } from './tags/tags.module';
import { SegmentsModule } from './segments/segments.module';
import { TrackingModule } from './tracking/tracking.module';
import { UserListModule } from './user-list/user-list.module';
import { UserStoryModule } from './user-story/user-story.module';
import { UserImportsModule } from './user-imports/user-imports.module';
import { UsersModule } from './users/users.module';
import { WebAssetsModule } from './web-assets/web-assets.module';
import { WhatsAppModule } from './whatsapp/whatsapp.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        ExecutionModule.register(config.execution),
        TeamModule,
        HealthModule,
        MetricsModule,
        JourneysModule,
        UserImportsModule,
        UserListModule,
        UsersModule,
        UserStoryModule,
        TagsModule,
        EventsModule,
        JourneyEntriesModule,
        ChannelSettingsModule,
        WhatsAppModule,
        TrackingModule,
        MessagesModule,
        SegmentsModule,
        WebAssetsModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
