import { type Effect } from '@engine/journey';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'done', 'cancelled', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An effect a step asked for, written in the same transaction as the snapshot. Workers execute it
 * through BullMQ; the sweeper re-enqueues pending rows whose time has come, so Redis can be lost.
 */
@Entity({ name: 'outbox' })
@Check('outbox_status_check', "status IN ('pending', 'done', 'cancelled', 'failed')")
@Index('outbox_pending_due', ['dueAt'], { where: "status = 'pending'" })
@Index('outbox_instance', ['instanceId'])
export class OutboxEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @Column({ type: 'text' })
  kind!: Effect['kind'];

  @Column({ type: 'jsonb' })
  effect!: Effect;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
