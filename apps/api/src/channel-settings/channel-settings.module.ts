import { Module } from '@nestjs/common';
import { ChannelSecrets } from './channel-secrets';
import { ChannelSettingsController } from './channel-settings.controller';
import { ChannelSettingsService } from './channel-settings.service';

/** Per-project channel providers and their sealed credentials. */
@Module({
  controllers: [ChannelSettingsController],
  providers: [ChannelSettingsService, ChannelSecrets],
  exports: [ChannelSecrets],
})
export class ChannelSettingsModule {}
