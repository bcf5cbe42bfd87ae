import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. Written only through `SessionStore`. */
@Entity({ name: 'sessions' })
@Index('sessions_token_hash', ['tokenHash'], { unique: true })
@Index('sessions_account', ['accountId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  /** Sent back in the X-CSRF-Token header of every state-changing request made with this session. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  /** The project the person is working in (switched in the web app). */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
