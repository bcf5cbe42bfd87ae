import { type StepEntry } from '@engine/journey';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const INSTANCE_STATUSES = ['active', 'completed', 'converted', 'stopped'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** One user's walk through one journey version. */
@Entity({ name: 'journey_instances' })
@Check('journey_instances_status_check', "status IN ('active', 'completed', 'converted', 'stopped')")
@Index('journey_instances_user_status', ['userId', 'status'])
@Index('journey_instances_journey_node', ['journeyId', 'status', 'currentNodeId'])
export class JourneyInstanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', default: 'active' })
  status!: InstanceStatus;

  /** The persisted XState snapshot (JSON). */
  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ name: 'current_node_id', type: 'text' })
  currentNodeId!: string;

  /** Event names the instance reacts to now, so routing an event is one indexed lookup. */
  @Column({ name: 'waiting_for', type: 'text', array: true, default: '{}' })
  waitingFor!: string[];

  @Column({ name: 'timer_id', type: 'text', nullable: true })
  timerId!: string | null;

  /** Optimistic lock: every step increments it; a stale writer fails and retries. */
  @Column({ name: 'lock_version', type: 'int', default: 0 })
  lockVersion!: number;

  /** The step log: the last STEP_LOG_LIMIT entries (what happened at which node, when). */
  @Column({ type: 'jsonb', default: [] })
  steps!: StepEntry[];

  /** How many older step log entries were dropped to keep the log bounded. */
  @Column({ name: 'steps_dropped', type: 'int', default: 0 })
  stepsDropped!: number;

  @CreateDateColumn({ name: 'entered_at', type: 'timestamptz' })
  enteredAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
