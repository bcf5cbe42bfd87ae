import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An attribute an event name has carried, with one of its inferred types (an attribute seen as text and as a number has two rows). */
@Entity({ name: 'project_event_attributes' })
export class ProjectEventAttributeEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'event_name', type: 'text' })
  eventName!: string;

  @PrimaryColumn({ type: 'text' })
  attribute!: string;

  /** string, number, boolean, date (a date-looking string), list or object. */
  @PrimaryColumn({ type: 'text' })
  type!: string;

  @Column({ type: 'bigint' })
  count!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;
}

/** How many events of a name a project has received (the catalogue's count; retried duplicates included). */
@Entity({ name: 'project_event_counts' })
export class ProjectEventCountEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  count!: string;
}
