import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what in a project. Written only through `AuditLogStore`. */
@Entity({ name: 'audit_log' })
@Index('audit_log_project', ['projectId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** The account's email, or `key <name> (<prefix>)`. */
  @Column({ type: 'text' })
  actor!: string;

  /** e.g. `journey.published`, `channel.credentials_changed`, `api_key.created`, `member.added`. */
  @Column({ type: 'text' })
  action!: string;

  /** What it was done to, in words (a journey's name and id, a key's name, a member's email). */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
