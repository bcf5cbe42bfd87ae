import { type JourneyGraph } from '@engine/journey';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An immutable published graph. Instances finish on the version they entered. */
@Entity({ name: 'journey_versions' })
@Index('journey_versions_journey_version', ['journeyId', 'version'], { unique: true })
export class JourneyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  graph!: JourneyGraph;

  /** Hash of the compiled machine's source graph, the cache key for compiled machines. */
  @Column({ name: 'compiled_hash', type: 'text' })
  compiledHash!: string;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
