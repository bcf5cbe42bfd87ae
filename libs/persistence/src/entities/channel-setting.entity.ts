import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The provider of one channel of a project. `settings` is libs/channels' ChannelSettings with its
 * secret fields sealed (AES-256-GCM); no row means the sandbox.
 */
@Entity({ name: 'channel_settings' })
@Check('channel_settings_channel_check', "channel IN ('push', 'email', 'whatsapp', 'sms', 'webhook')")
// Expression indexes on settings->>'phoneNumberId' and ->>'businessAccountId', managed by the migrations alone.
@Index('channel_settings_whatsapp_phone', { synchronize: false })
@Index('channel_settings_whatsapp_business_account', { synchronize: false })
export class ChannelSettingEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'jsonb' })
  settings!: Record<string, unknown>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
