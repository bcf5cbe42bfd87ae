import { BadRequestException, GoneException, Inject, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { AccountStore, LoginAttemptStore, OneTimeLinkStore, ProjectMemberStore, SessionStore, type OneTimeLinkPurpose } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { LOGIN_WINDOW_MS, loginAllowed, passwordProblem } from '../auth/access-policy';
import { type Actor } from '../auth/caller';
import { CLOCK, type Clock } from '../auth/clock';
import { hashPassword, hashToken, randomToken, verifyPassword } from '../auth/secrets';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type MembershipDto, type SessionDto } from './dto/auth.dto';

export const SESSION_LIFETIME_MS = 14 * 24 * 3600_000;
export const RESET_LINK_LIFETIME_MS = 3600_000;
export const SIGN_IN_LINK_LIFETIME_MS = 24 * 3600_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export type SignInResult = { kind: 'signed-in'; session: NewSession } | { kind: 'wrong' } | { kind: 'throttled'; retryAfterSeconds: number };

/** A hash to verify against when the email is unknown, so both answers take as long. */
let noAccountHash: Promise<string> | undefined;

/** Sign-in, sessions, passwords and one-time links. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get secureCookies(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  async signIn(email: string, password: string, ip: string): Promise<SignInResult> {
    const manager = this.dataSource.manager;
    const now = this.clock();
    const normalized = AccountStore.normalizeEmail(email);
    const failures = await LoginAttemptStore.countFailuresSince(manager, normalized, ip, new Date(now.getTime() - LOGIN_WINDOW_MS));
    if (!loginAllowed(failures)) return { kind: 'throttled', retryAfterSeconds: LOGIN_WINDOW_MS / 1000 };
    const account = await AccountStore.findByEmail(manager, normalized);
    let matches = false;
    if (account) matches = await verifyPassword(account.passwordHash, password);
    else await verifyPassword(await (noAccountHash ??= hashPassword(randomToken())), password);
    await LoginAttemptStore.record(manager, { email: normalized, ip, at: now, succeeded: matches });
    // Attempts older than the window count for nothing: the table keeps about a day of them.
    if (matches) await LoginAttemptStore.deleteBefore(manager, new Date(now.getTime() - 24 * 3600_000));
    if (!account || !matches) return { kind: 'wrong' };
    return { kind: 'signed-in', session: await this.startSession(manager, account.id) };
  }

  async signOut(actor: Actor): Promise<void> {
    if (actor.kind === 'session') await SessionStore.delete(this.dataSource.manager, actor.session.id);
  }

  /** A new session for the account, working in its first project. */
  async startSession(manager: EntityManager, accountId: string, projectId?: string): Promise<NewSession> {
    const now = this.clock();
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    const firstProject = projectId ?? (await ProjectMemberStore.projectsOf(manager, accountId))[0]?.projectId ?? null;
    await SessionStore.deleteExpiredForAccount(manager, accountId, now);
    await SessionStore.create(manager, { accountId, tokenHash: hashToken(token), csrfToken, projectId: firstProject, createdAt: now, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  async describeSession(actor: Actor & { kind: 'session' }): Promise<SessionDto> {
    const manager = this.dataSource.manager;
    const account = await AccountStore.findById(manager, actor.accountId);
    const projects: MembershipDto[] = (await ProjectMemberStore.projectsOf(manager, actor.accountId)).map((m) => ({ id: m.projectId, name: m.projectName, role: m.role }));
    return {
      account: { id: actor.accountId, email: actor.email, hasPassword: account?.passwordHash != null },
      csrfToken: actor.session.csrfToken,
      project: projects.find((p) => p.id === actor.session.projectId) ?? null,
      projects,
    };
  }

  async switchProject(actor: Actor & { kind: 'session' }, projectId: string): Promise<SessionDto> {
    const manager = this.dataSource.manager;
    if ((await ProjectMemberStore.roleOf(manager, projectId, actor.accountId)) === null) {
      throw new NotFoundException(`No project ${projectId} among yours`);
    }
    await SessionStore.setProject(manager, actor.session.id, projectId);
    return this.describeSession({ ...actor, session: { ...actor.session, projectId } });
  }

  async changePassword(actor: Actor & { kind: 'session' }, currentPassword: string | undefined, newPassword: string): Promise<void> {
    const manager = this.dataSource.manager;
    const account = await AccountStore.findById(manager, actor.accountId);
    if (!account) throw new UnauthorizedException('The account no longer exists');
    if (account.passwordHash !== null && !(await verifyPassword(account.passwordHash, currentPassword ?? ''))) {
      throw new BadRequestException('currentPassword is wrong');
    }
    this.checkPassword(newPassword, account.email);
    const passwordHash = await hashPassword(newPassword);
    await manager.transaction(async (tx) => {
      await AccountStore.setPasswordHash(tx, account.id, passwordHash);
      await SessionStore.deleteForAccount(tx, account.id, actor.session.id);
    });
  }

  /** Creates a reset link and logs it (no email channel for accounts): the answer is the same whether the account exists or not. */
  async requestPasswordReset(email: string): Promise<void> {
    const account = await AccountStore.findByEmail(this.dataSource.manager, email);
    if (!account) return;
    const link = await this.createLink(account.id, 'password_reset', RESET_LINK_LIFETIME_MS, '/reset-password');
    this.logger.log(`Password reset link for ${account.email} (valid 1 hour, once): ${link}`);
  }

  async completePasswordReset(token: string, newPassword: string): Promise<void> {
    const manager = this.dataSource.manager;
    await manager.transaction(async (tx) => {
      const use = await OneTimeLinkStore.use(tx, 'password_reset', hashToken(token), this.clock());
      const accountId = this.linkAccount(use, 'reset');
      const account = await AccountStore.findById(tx, accountId);
      if (!account) throw new GoneException('This reset link is no longer valid: ask for a new one');
      this.checkPassword(newPassword, account.email);
      await AccountStore.setPasswordHash(tx, accountId, await hashPassword(newPassword));
      await SessionStore.deleteForAccount(tx, accountId);
    });
  }

  async signInWithLink(token: string): Promise<NewSession> {
    return this.dataSource.transaction(async (tx) => {
      const use = await OneTimeLinkStore.use(tx, 'sign_in', hashToken(token), this.clock());
      return this.startSession(tx, this.linkAccount(use, 'sign-in'));
    });
  }

  /** A one-time link under the web app's `path`, carrying its token in the query. */
  async createLink(accountId: string, purpose: OneTimeLinkPurpose, lifetimeMs: number, path: string): Promise<string> {
    const token = randomToken();
    const now = this.clock();
    await OneTimeLinkStore.create(this.dataSource.manager, { accountId, purpose, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) });
    return `${this.config.publicUrl}${path}?token=${token}`;
  }

  checkPassword(password: string, email: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw new BadRequestException(problem);
  }

  private linkAccount(use: Awaited<ReturnType<typeof OneTimeLinkStore.use>>, what: string): string {
    if (use.kind === 'used') return use.accountId;
    if (use.kind === 'unknown') throw new BadRequestException(`token is not a ${what} link`);
    throw new GoneException(use.kind === 'expired' ? `This ${what} link has expired: ask for a new one` : `This ${what} link was already used: ask for a new one`);
  }
}
