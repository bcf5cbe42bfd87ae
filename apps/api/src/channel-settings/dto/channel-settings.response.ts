import { CHANNEL_PROVIDER_KINDS, type ChannelProviderKind, type ChannelSettings } from '@engine/channels';
import { type Channel, CHANNELS } from '@engine/journey';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One channel's provider as the API shows it: secrets masked, never in full. */
export class ChannelSettingsDto {
  @ApiProperty({ enum: CHANNELS, example: 'whatsapp' })
  channel!: Channel;

  @ApiProperty({ enum: CHANNEL_PROVIDER_KINDS, example: 'whatsapp-cloud', description: '`sandbox` until a provider is configured.' })
  provider!: ChannelProviderKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The settings with every secret masked (`EAAG…xyz`; the SMTP URL with its password hidden).',
    example: { provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', accessToken: 'EAAG…xyz', appSecret: '3f2…c1a', webhookVerifyToken: 'my-…ken' },
  })
  settings!: ChannelSettings;

  @ApiProperty({ type: String, nullable: true, description: 'When the settings were last saved; null for the default sandbox.' })
  updatedAt!: string | null;

  @ApiPropertyOptional({ description: 'WhatsApp only: the callback URL to give Meta (App Dashboard > WhatsApp > Configuration).', example: 'https://journeys.example.com/webhooks/whatsapp' })
  webhookUrl?: string;

  @ApiPropertyOptional({ description: 'Set when the stored secrets cannot be opened (ENCRYPTION_KEY changed): save the settings again.' })
  problem?: string;
}
