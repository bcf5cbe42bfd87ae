import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sends counted in one fixed window of a journey's per-channel throttle ("at most 1 000 emails a
 * minute"). Written only through `ThrottleWindowStore`; the sweeper deletes windows past `expires_at`.
 */
@Entity({ name: 'throttle_windows' })
export class ThrottleWindowEntity {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' })
  journeyId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: string;

  /** The window's start, in milliseconds since the epoch. */
  @PrimaryColumn({ name: 'window_start', type: 'bigint' })
  windowStart!: string;

  @Column({ type: 'integer' })
  sends!: number;

  @Index('throttle_windows_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
