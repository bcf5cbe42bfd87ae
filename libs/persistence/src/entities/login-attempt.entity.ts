import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in attempt, counted by the login rate limit. Written only through `LoginAttemptStore`. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_at', ['email', 'at'])
@Index('login_attempts_ip_at', ['ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'boolean' })
  succeeded!: boolean;
}
