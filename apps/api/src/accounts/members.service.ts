import { BadRequestException, ConflictException, GoneException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { AccountStore, InvitationStore, ProjectMemberStore, type ProjectRole } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type Actor } from '../auth/caller';
import { CLOCK, type Clock } from '../auth/clock';
import { hashPassword, hashToken, randomToken, verifyPassword } from '../auth/secrets';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccountsService, type NewSession } from './accounts.service';
import { type AcceptInvitationDto, type InvitationDto, type MemberDto } from './dto/auth.dto';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

/** Members of a project, their roles, and invitations by link. */
@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(projectId: string): Promise<MemberDto[]> {
    return ProjectMemberStore.list(this.dataSource.manager, projectId);
  }

  async invite(projectId: string, actor: Actor, role: ProjectRole): Promise<InvitationDto> {
    const token = randomToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    await InvitationStore.create(this.dataSource.manager, {
      projectId,
      role,
      tokenHash: hashToken(token),
      invitedBy: actor.kind === 'session' ? actor.accountId : null,
      createdAt: now,
      expiresAt,
    });
    return { link: `${this.config.publicUrl}/accept-invitation?token=${token}`, role, expiresAt };
  }

  /**
   * Joins the invitation's project: as the signed-in person, or else as the account with this email
   * (created with this password when there is none, or signed in with it). Returns a new session
   * when the person was not signed in.
   */
  async accept(dto: AcceptInvitationDto, actor: Actor | undefined): Promise<{ projectId: string; session?: NewSession }> {
    const signedIn = actor?.kind === 'session' ? actor : undefined;
    let accountId = signedIn?.accountId;
    let email = signedIn?.email;
    let passwordHash: string | null = null;
    if (!signedIn) {
      if (!dto.email || !dto.password) throw new BadRequestException('email and password are required when not signed in');
      const existing = await AccountStore.findByEmail(this.dataSource.manager, dto.email);
      if (existing) {
        if (!(await verifyPassword(existing.passwordHash, dto.password))) throw new UnauthorizedException('Wrong email or password');
        accountId = existing.id;
        email = existing.email;
      } else {
        this.accounts.checkPassword(dto.password, dto.email);
        passwordHash = await hashPassword(dto.password);
      }
    }
    return this.dataSource.transaction(async (tx) => {
      if (accountId === undefined) {
        const created = await AccountStore.create(tx, { email: dto.email ?? '', passwordHash });
        accountId = created.id;
        email = created.email;
      }
      const use = await InvitationStore.accept(tx, hashToken(dto.token), accountId, this.clock());
      if (use.kind === 'unknown') throw new BadRequestException('token is not an invitation link');
      if (use.kind !== 'accepted') throw new GoneException(use.kind === 'expired' ? 'This invitation has expired: ask for a new one' : 'This invitation was already used');
      const current = await ProjectMemberStore.roleOf(tx, use.projectId, accountId);
      // An invitation never lowers a role someone already has.
      if (current === null || rank(use.role) > rank(current)) await ProjectMemberStore.upsert(tx, use.projectId, accountId, use.role);
      await this.audit.record(use.projectId, email ?? accountId, 'member.added', `${email ?? accountId} as ${use.role}`, tx);
      if (signedIn) return { projectId: use.projectId };
      return { projectId: use.projectId, session: await this.accounts.startSession(tx, accountId, use.projectId) };
    });
  }

  async changeRole(projectId: string, actor: Actor, accountId: string, role: ProjectRole): Promise<MemberDto> {
    return this.dataSource.transaction(async (tx) => {
      const current = await ProjectMemberStore.roleOf(tx, projectId, accountId);
      if (current === null) throw new NotFoundException(`No member ${accountId} in this project`);
      if (current === 'owner' && role !== 'owner' && (await ProjectMemberStore.countOwners(tx, projectId)) <= 1) {
        throw new ConflictException('A project keeps at least one owner: make someone else owner first');
      }
      await ProjectMemberStore.upsert(tx, projectId, accountId, role);
      const member = (await ProjectMemberStore.list(tx, projectId)).find((m) => m.accountId === accountId);
      if (!member) throw new NotFoundException(`No member ${accountId} in this project`);
      await this.audit.record(projectId, actor, 'member.role_changed', `${member.email} to ${role}`, tx);
      return member;
    });
  }

  async remove(projectId: string, actor: Actor, accountId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const member = (await ProjectMemberStore.list(tx, projectId)).find((m) => m.accountId === accountId);
      if (!member) throw new NotFoundException(`No member ${accountId} in this project`);
      if (member.role === 'owner' && (await ProjectMemberStore.countOwners(tx, projectId)) <= 1) {
        throw new ConflictException('A project keeps at least one owner: make someone else owner first');
      }
      await ProjectMemberStore.remove(tx, projectId, accountId);
      await this.audit.record(projectId, actor, 'member.removed', member.email, tx);
    });
  }
}

function rank(role: ProjectRole): number {
  return role === 'owner' ? 3 : role === 'editor' ? 2 : 1;
}
