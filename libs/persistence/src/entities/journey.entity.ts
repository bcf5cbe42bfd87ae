import { type JourneyGraph } from '@engine/journey';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const JOURNEY_STATUSES = ['draft', 'live', 'paused', 'archived'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** A journey: an editable draft plus, once published, the version users currently enter. */
@Entity({ name: 'journeys' })
@Index('journeys_project_status', ['projectId', 'status'])
// A GIN index for `entry_events && $names`, managed by the migration alone.
@Index('journeys_entry_events', { synchronize: false })
@Check('journeys_status_check', "status IN ('draft', 'live', 'paused', 'archived')")
export class JourneyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: JourneyStatus;

  @Column({ name: 'draft_graph', type: 'jsonb' })
  draftGraph!: JourneyGraph;

  /** The version new users enter; null until the first publish. */
  @Column({ name: 'live_version_id', type: 'uuid', nullable: true })
  liveVersionId!: string | null;

  @Column({ name: 'live_version_number', type: 'int', nullable: true })
  liveVersionNumber!: number | null;

  /** Event names that can start this journey (from the live version), for fast routing. */
  @Column({ name: 'entry_events', type: 'text', array: true, default: '{}' })
  entryEvents!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
