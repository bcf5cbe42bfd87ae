import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const USER_IMPORT_FORMATS = ['csv', 'ndjson'] as const;
export type UserImportFormat = (typeof USER_IMPORT_FORMATS)[number];
export const USER_IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type UserImportStatus = (typeof USER_IMPORT_STATUSES)[number];

/** One import of a users file and its progress. Written only through `UserImportStore`. */
@Entity({ name: 'user_imports' })
@Check('user_imports_format_check', "format IN ('csv', 'ndjson')")
@Check('user_imports_status_check', "status IN ('running', 'done', 'failed')")
@Index('user_imports_project', ['projectId', 'createdAt'])
export class UserImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  format!: UserImportFormat;

  @Column({ name: 'default_country', type: 'text', nullable: true })
  defaultCountry!: string | null;

  @Column({ type: 'text' })
  status!: UserImportStatus;

  @Column({ name: 'rows_imported', type: 'integer', default: 0 })
  rowsImported!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  /** Why the whole import stopped (a file that is not CSV, broken quoting), if it did. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a chunk was last written: an import running on a server that died stops moving. */
  @Column({ name: 'progressed_at', type: 'timestamptz', default: () => 'now()' })
  progressedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** A line of an import that was not imported, with why. Written only through `UserImportStore`. */
@Entity({ name: 'user_import_rejections' })
export class UserImportRejectionEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ type: 'integer' })
  line!: number;

  @Column({ type: 'text' })
  reason!: string;

  /** The line as it was in the file (for the report of rejected rows). */
  @Column({ type: 'text' })
  content!: string;
}
