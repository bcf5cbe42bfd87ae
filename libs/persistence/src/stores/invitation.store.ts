import { type EntityManager } from 'typeorm';
import { InvitationEntity } from '../entities/invitation.entity';
import { type ProjectRole } from '../entities/project-member.entity';

export type InvitationUse = { kind: 'accepted'; projectId: string; role: ProjectRole } | { kind: 'unknown' } | { kind: 'expired' } | { kind: 'already_used' };

/** The one writer of `invitations`. */
export const InvitationStore = {
  async create(
    manager: EntityManager,
    input: { projectId: string; role: ProjectRole; tokenHash: string; invitedBy: string | null; createdAt: Date; expiresAt: Date },
  ): Promise<InvitationEntity> {
    return manager.save(manager.create(InvitationEntity, input));
  },

  /** Marks the invitation accepted by the account, once, and says for which project and role, or why not. */
  async accept(manager: EntityManager, tokenHash: string, accountId: string, now: Date): Promise<InvitationUse> {
    // An UPDATE's result is [rows, affected count].
    const [rows] = await manager.query<[Array<{ project_id: string; role: ProjectRole }>, number]>(
      `UPDATE invitations SET accepted_at = $2::timestamptz, accepted_by = $3 WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2::timestamptz RETURNING project_id, role`,
      [tokenHash, now, accountId],
    );
    if (rows.length > 0) return { kind: 'accepted', projectId: rows[0].project_id, role: rows[0].role };
    const invitation = await manager.findOneBy(InvitationEntity, { tokenHash });
    if (!invitation) return { kind: 'unknown' };
    return invitation.acceptedAt ? { kind: 'already_used' } : { kind: 'expired' };
  },

  findByTokenHash(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return manager.findOneBy(InvitationEntity, { tokenHash });
  },
};
