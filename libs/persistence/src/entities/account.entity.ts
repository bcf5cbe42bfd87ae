import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person who signs in (not an end user of a project: those are `users`). Written only through `AccountStore`. */
@Entity({ name: 'accounts' })
@Index('accounts_email', ['email'], { unique: true })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trimmed and lower-cased. */
  @Column({ type: 'text' })
  email!: string;

  /** argon2id (PHC string); null until the person sets a password (the first owner signs in by link). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
