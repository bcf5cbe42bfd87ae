import { type EntityManager } from 'typeorm';
import { OneTimeLinkEntity, type OneTimeLinkPurpose } from '../entities/one-time-link.entity';

export type LinkUse = { kind: 'used'; accountId: string } | { kind: 'unknown' } | { kind: 'expired' } | { kind: 'already_used' };

/** The one writer of `one_time_links`. */
export const OneTimeLinkStore = {
  async create(manager: EntityManager, input: { accountId: string; purpose: OneTimeLinkPurpose; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await manager.insert(OneTimeLinkEntity, input);
  },

  /** Marks the link used (at most once, even under concurrent requests) and says whose it was, or why not. */
  async use(manager: EntityManager, purpose: OneTimeLinkPurpose, tokenHash: string, now: Date): Promise<LinkUse> {
    // An UPDATE's result is [rows, affected count].
    const [used] = await manager.query<[Array<{ account_id: string }>, number]>(
      `UPDATE one_time_links SET used_at = $3::timestamptz WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3::timestamptz RETURNING account_id`,
      [tokenHash, purpose, now],
    );
    if (used.length > 0) return { kind: 'used', accountId: used[0].account_id };
    const link = await manager.findOneBy(OneTimeLinkEntity, { tokenHash, purpose });
    if (!link) return { kind: 'unknown' };
    return link.usedAt ? { kind: 'already_used' } : { kind: 'expired' };
  },
};
