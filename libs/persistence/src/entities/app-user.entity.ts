import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface PushToken {
  token: string;
  /** `web` (Web Push subscription JSON in `token`), `android` / `ios` (FCM registration token). */
  platform: 'web' | 'android' | 'ios';
  addedAt: string;
}

export interface ChannelOptIns {
  push: boolean;
  email: boolean;
  whatsapp: boolean;
  sms: boolean;
}

/** A subscriber of a project, known by the customer's own id (`external_id`). */
@Entity({ name: 'users' })
@Index('users_project_external_id', ['projectId', 'externalId'], { unique: true })
@Index('users_project_phone', ['projectId', 'phone'])
// Prefix search by id, phone and email (text_pattern_ops, in the migration only) and listing by last seen.
@Index('users_project_external_id_prefix', { synchronize: false })
@Index('users_project_phone_prefix', { synchronize: false })
@Index('users_project_email_prefix', { synchronize: false })
@Index('users_project_last_seen', { synchronize: false })
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'jsonb', default: {} })
  tags!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** E.164, e.g. +4915112345678. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'push_tokens', type: 'jsonb', default: [] })
  pushTokens!: PushToken[];

  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'opt_ins', type: 'jsonb', default: { push: true, email: true, whatsapp: true, sms: true } })
  optIns!: ChannelOptIns;

  /** Opens WhatsApp's 24-hour window for free-form text. */
  @Column({ name: 'last_inbound_whatsapp_at', type: 'timestamptz', nullable: true })
  lastInboundWhatsAppAt!: Date | null;

  /** When the user's latest event was received (event ingestion keeps it). */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  /** ISO 3166 alpha-2, from the phone number whenever the phone is written. */
  @Column({ type: 'text', nullable: true })
  country!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
