import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ONE_TIME_LINK_PURPOSES = ['sign_in', 'password_reset'] as const;
export type OneTimeLinkPurpose = (typeof ONE_TIME_LINK_PURPOSES)[number];

/** A sign-in or password-reset link, usable once before it expires. Written only through `OneTimeLinkStore`. */
@Entity({ name: 'one_time_links' })
@Check('one_time_links_purpose_check', "purpose IN ('sign_in', 'password_reset')")
@Index('one_time_links_token_hash', ['tokenHash'], { unique: true })
export class OneTimeLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  purpose!: OneTimeLinkPurpose;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
