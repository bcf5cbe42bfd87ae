import { Module } from '@nestjs/common';
import { ChannelSettingsModule } from '../channel-settings/channel-settings.module';
import { WhatsAppAccounts } from './whatsapp-accounts.service';
import { WhatsAppTemplatesController } from './whatsapp-templates.controller';
import { WhatsAppTemplateStatuses } from './whatsapp-template-statuses.service';
import { WhatsAppTemplatesService } from './whatsapp-templates.service';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';
import { WhatsAppWebhookEvents } from './whatsapp-webhook-events.service';
import { WhatsAppWebhookService } from './whatsapp-webhook.service';

/** The WhatsApp channel's API side: Meta's webhook and the template registry publishing checks against. */
@Module({
  imports: [ChannelSettingsModule],
  controllers: [WhatsAppWebhookController, WhatsAppTemplatesController],
  providers: [WhatsAppAccounts, WhatsAppWebhookEvents, WhatsAppWebhookService, WhatsAppTemplatesService, WhatsAppTemplateStatuses],
  exports: [WhatsAppTemplatesService],
})
export class WhatsAppModule {}
