import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An event name a project has received, so the canvas can tell a typo ("Purchse") from a real
 * event. Ingestion upserts it; `last_seen_at` is refreshed at most hourly to keep the hot path cheap.
 */
@Entity({ name: 'project_event_names' })
export class ProjectEventNameEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;
}
