import { type EntityManager } from 'typeorm';
import { LoginAttemptEntity } from '../entities/login-attempt.entity';

/** The one writer of `login_attempts`. */
export const LoginAttemptStore = {
  async record(manager: EntityManager, attempt: { email: string; ip: string; at: Date; succeeded: boolean }): Promise<void> {
    await manager.insert(LoginAttemptEntity, attempt);
  },

  /** Failed attempts since `since` for this email and from this address. */
  async countFailuresSince(manager: EntityManager, email: string, ip: string, since: Date): Promise<{ email: number; ip: number }> {
    const [row] = await manager.query<Array<{ email: string; ip: string }>>(
      `SELECT count(*) FILTER (WHERE email = $1) AS email, count(*) FILTER (WHERE ip = $2) AS ip
         FROM login_attempts WHERE (email = $1 OR ip = $2) AND at > $3 AND NOT succeeded`,
      [email, ip, since],
    );
    return { email: Number(row.email), ip: Number(row.ip) };
  },

  async deleteBefore(manager: EntityManager, before: Date): Promise<void> {
    await manager.query(`DELETE FROM login_attempts WHERE at < $1`, [before]);
  },
};
