import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type ProjectRole } from './project-member.entity';

/** A link that makes whoever accepts it a member of a project with a role, once. Written only through `InvitationStore`. */
@Entity({ name: 'invitations' })
@Check('invitations_role_check', "role IN ('owner', 'editor', 'viewer')")
@Index('invitations_token_hash', ['tokenHash'], { unique: true })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  role!: ProjectRole;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy!: string | null;
}
