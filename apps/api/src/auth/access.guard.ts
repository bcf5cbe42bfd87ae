import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccountStore, ApiKeyStore, ProjectMemberStore, ProjectStore, SessionStore } from '@engine/persistence';
import { type Request } from 'express';
import { DataSource } from 'typeorm';
import { hashApiKey } from '../projects/api-key';
import { ACCESS_RULE, CSRF_HEADER, SESSION_COOKIE } from './access.decorator';
import { type AccessRule, type Caller, decideAccess, isStateChanging } from './access-policy';
import { type Actor, type ProjectRequest } from './caller';
import { CLOCK, type Clock } from './clock';
import { hashToken } from './secrets';

/**
 * Every route's access, checked once for all (registered as the global guard): the route's rule
 * (@Access, @SignedIn or @Public; a route with none is refused), the caller (an API key, or a
 * session cookie whose state-changing requests must carry the session's CSRF token in
 * X-CSRF-Token), and for project routes the key's project or the session's chosen project with the
 * person's current role there. Keys and memberships are read on every request, so revoking a key
 * or removing a member takes effect on the next one.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ForbiddenException('This route declares no access rule');
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<ProjectRequest>();
    const manager = this.dataSource.manager;
    const now = this.clock();

    const key = readApiKey(request);
    let caller: Caller = { kind: 'anonymous' };
    let actor: Actor | undefined;
    let projectId: string | null = null;
    if (key !== undefined) {
      const found = await ApiKeyStore.findActive(manager, hashApiKey(key));
      if (!found) throw new UnauthorizedException('Unknown or revoked API key');
      caller = { kind: 'key', scope: found.scope };
      actor = { kind: 'key', key: found };
      projectId = found.projectId;
      await ApiKeyStore.touch(manager, found.id, now);
    } else {
      const token = readCookie(request, SESSION_COOKIE);
      const session = token ? await SessionStore.findLive(manager, hashToken(token), now) : null;
      if (session) {
        if (isStateChanging(request.method) && !sameSecret(request.headers[CSRF_HEADER], session.csrfToken)) {
          throw new ForbiddenException(`Missing or wrong CSRF token: send the session's token in the ${CSRF_HEADER} header`);
        }
        const account = await AccountStore.findById(manager, session.accountId);
        if (account) {
          const role = session.projectId ? await ProjectMemberStore.roleOf(manager, session.projectId, account.id) : null;
          caller = { kind: 'session', role };
          actor = { kind: 'session', accountId: account.id, email: account.email, session, role };
          projectId = role ? session.projectId : null;
        }
      }
    }

    const decision = decideAccess(rule, caller);
    if (!decision.allowed) throw decision.status === 401 ? new UnauthorizedException(decision.message) : new ForbiddenException(decision.message);
    request.actor = actor;
    if (rule.kind === 'project') {
      const project = projectId ? await ProjectStore.findById(manager, projectId) : null;
      if (!project) throw new ForbiddenException('The project no longer exists');
      request.project = project;
    }
    return true;
  }
}

function readApiKey(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const direct = request.headers['x-api-key'];
  return typeof direct === 'string' ? direct.trim() : undefined;
}

function readCookie(request: Request, name: string): string | undefined {
  const cookies: Record<string, unknown> | undefined = (request as { cookies?: Record<string, unknown> }).cookies;
  const value = cookies?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function sameSecret(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
