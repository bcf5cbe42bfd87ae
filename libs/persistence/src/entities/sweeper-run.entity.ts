import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last completed sweep of one queue namespace (QUEUE_PREFIX), whichever process ran it.
 * Written only through `SweeperRunStore`; read by /health.
 */
@Entity({ name: 'sweeper_runs' })
export class SweeperRunEntity {
  @PrimaryColumn({ name: 'queue_prefix', type: 'text' })
  queuePrefix!: string;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt!: Date;
}
