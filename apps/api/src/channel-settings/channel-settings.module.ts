import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { ChannelSecrets } from './channel-secrets';
import { ChannelSettingsController } from './channel-settings.controller';
import { ChannelSettingsService } from './channel-settings.service';

/** Per-project channel providers and their sealed credentials. */
@Module({
  // ProjectEntity: ApiKeyGuard resolves the caller's project.
  imports: [TypeOrmModule.forFeature([ProjectEntity])],
  controllers: [ChannelSettingsController],
  providers: [ChannelSettingsService, ChannelSecrets],
  exports: [ChannelSecrets],
})
export class ChannelSettingsModule {}
