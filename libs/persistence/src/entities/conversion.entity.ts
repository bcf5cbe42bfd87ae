import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A conversion goal reached by an instance; counted once per goal and instance. */
@Entity({ name: 'conversions' })
@Index('conversions_instance_goal', ['instanceId', 'goalId'], { unique: true })
@Index('conversions_journey', ['journeyId'])
export class ConversionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @Column({ name: 'goal_id', type: 'text' })
  goalId!: string;

  /** The node the user was at when converting. */
  @Column({ name: 'node_id', type: 'text' })
  nodeId!: string;

  @CreateDateColumn({ name: 'converted_at', type: 'timestamptz' })
  convertedAt!: Date;
}
