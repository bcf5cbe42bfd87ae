import { type EntityManager, MoreThan } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';

/** The one writer of `sessions`. */
export const SessionStore = {
  async create(
    manager: EntityManager,
    input: { accountId: string; tokenHash: string; csrfToken: string; projectId: string | null; createdAt: Date; expiresAt: Date },
  ): Promise<SessionEntity> {
    return manager.save(manager.create(SessionEntity, input));
  },

  /** The live session with this token hash, if any. */
  findLive(manager: EntityManager, tokenHash: string, now: Date): Promise<SessionEntity | null> {
    return manager.findOneBy(SessionEntity, { tokenHash, expiresAt: MoreThan(now) });
  },

  async setProject(manager: EntityManager, id: string, projectId: string): Promise<void> {
    await manager.update(SessionEntity, { id }, { projectId });
  },

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(SessionEntity, { id });
  },

  /** Deletes the account's sessions that have expired. */
  async deleteExpiredForAccount(manager: EntityManager, accountId: string, now: Date): Promise<void> {
    await manager.query(`DELETE FROM sessions WHERE account_id = $1 AND expires_at <= $2`, [accountId, now]);
  },

  /** Signs the account out everywhere except (optionally) one session: after a password change or reset. */
  async deleteForAccount(manager: EntityManager, accountId: string, exceptId?: string): Promise<void> {
    await manager.query(`DELETE FROM sessions WHERE account_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`, [accountId, exceptId ?? null]);
  },
};
