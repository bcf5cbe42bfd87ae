import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CHANNEL_PROVIDER_KINDS } from '@engine/channels';
import { type Channel, CHANNELS } from '@engine/journey';
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { type Actor } from '../auth/caller';
import { CurrentActor, CurrentProject } from '../auth/current-project.decorator';
import { AuditService } from '../audit/audit.service';
import { ChannelSettingsService } from './channel-settings.service';
import { ChannelSettingsDto } from './dto/channel-settings.response';
import { ParseChannelPipe } from './parse-channel.pipe';

const CHANNEL_PARAM = { name: 'channel', enum: CHANNELS };

@ApiTags('channels')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/channels')
export class ChannelSettingsController {
  constructor(
    private readonly channelSettings: ChannelSettingsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: "Every channel's provider, with secrets masked", description: 'Channels without settings use the sandbox: messages are recorded, not sent.' })
  @ApiOkResponse({ type: [ChannelSettingsDto] })
  list(@CurrentProject() project: ProjectEntity): Promise<ChannelSettingsDto[]> {
    return this.channelSettings.list(project.id);
  }

  @Put(':channel')
  @Access('manage')
  @ApiOperation({
    summary: "Configure a channel's provider",
    description:
      'Secrets are encrypted at rest and never shown in full again. To edit other fields, leave a secret out (or send it back masked, ' +
      'as GET shows it): the stored one is kept while the provider stays the same. `null` removes an optional secret.',
  })
  @ApiParam(CHANNEL_PARAM)
  @ApiBody({
    schema: { type: 'object', required: ['provider'], properties: { provider: { type: 'string', enum: CHANNEL_PROVIDER_KINDS } }, additionalProperties: true },
    examples: {
      whatsapp: {
        value: {
          provider: 'whatsapp-cloud',
          phoneNumberId: '106540352242922',
          businessAccountId: '102290129340398',
          accessToken: 'EAAG...',
          appSecret: 'meta-app-secret',
          webhookVerifyToken: 'a-long-random-string',
        },
      },
      email: { value: { provider: 'smtp', smtpUrl: 'smtp://user:password@smtp.example.com:587', from: 'Example Shop <news@shop.example.com>' } },
      sandbox: { value: { provider: 'sandbox' } },
    },
  })
  @ApiOkResponse({ type: ChannelSettingsDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed, or the provider cannot serve this channel (the message names it).' })
  async save(
    @CurrentProject() project: ProjectEntity,
    @CurrentActor() actor: Actor,
    @Param('channel', ParseChannelPipe) channel: Channel,
    @Body() body: unknown,
  ): Promise<ChannelSettingsDto> {
    const saved = await this.channelSettings.save(project.id, channel, body);
    await this.audit.record(project.id, actor, 'channel.credentials_changed', `${channel} (${saved.provider})`);
    return saved;
  }

  @Delete(':channel')
  @Access('manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Back to the sandbox', description: 'Deletes the settings and their secrets.' })
  @ApiParam(CHANNEL_PARAM)
  @ApiNoContentResponse({ description: 'The channel uses the sandbox.' })
  async reset(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Param('channel', ParseChannelPipe) channel: Channel): Promise<void> {
    await this.channelSettings.reset(project.id, channel);
    await this.audit.record(project.id, actor, 'channel.reset', `${channel} back to the sandbox`);
  }
}
