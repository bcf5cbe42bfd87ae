import { type ApiKeyScope, type ProjectRole } from '@engine/persistence';

/**
 * What a route needs, from least to most: `read` (see the project's data), `ingest` (post events,
 * users and API entries), `edit` (journeys, segments, broadcasts, templates), `manage` (members,
 * keys, channels, erasing users, the audit log).
 */
export const PERMISSIONS = ['read', 'ingest', 'edit', 'manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_GRANTS: Record<ProjectRole, readonly Permission[]> = {
  owner: ['read', 'ingest', 'edit', 'manage'],
  editor: ['read', 'ingest', 'edit'],
  viewer: ['read'],
};

const SCOPE_GRANTS: Record<ApiKeyScope, readonly Permission[]> = {
  full: ['read', 'ingest', 'edit', 'manage'],
  ingest: ['ingest'],
  read: ['read'],
};

/** Who is calling, as far as deciding access goes. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'session'; role: ProjectRole | null }
  | { kind: 'key'; scope: ApiKeyScope };

/**
 * The rule a route declares: public; public but reading the session when there is one (`anyone`);
 * any signed-in person (no project needed); or a permission in the caller's project.
 */
export type AccessRule = { kind: 'public' } | { kind: 'anyone' } | { kind: 'signed-in' } | { kind: 'project'; permission: Permission };

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

export function decideAccess(rule: AccessRule, caller: Caller): AccessDecision {
  if (rule.kind === 'public' || rule.kind === 'anyone') return { allowed: true };
  if (caller.kind === 'anonymous') {
    return { allowed: false, status: 401, message: 'Missing API key or session: sign in, or send an API key as "Authorization: Bearer <key>" or "X-Api-Key: <key>"' };
  }
  if (rule.kind === 'signed-in') {
    return caller.kind === 'session' ? { allowed: true } : { allowed: false, status: 403, message: 'This route is for people signed in, not API keys' };
  }
  if (caller.kind === 'key') {
    return SCOPE_GRANTS[caller.scope].includes(rule.permission)
      ? { allowed: true }
      : { allowed: false, status: 403, message: `This API key's scope (${caller.scope}) does not allow ${rule.permission}` };
  }
  if (caller.role === null) return { allowed: false, status: 403, message: 'Choose a project you are a member of first (PUT /api/v1/auth/session/project)' };
  return ROLE_GRANTS[caller.role].includes(rule.permission)
    ? { allowed: true }
    : { allowed: false, status: 403, message: `Your role in this project (${caller.role}) does not allow ${rule.permission}` };
}

/** Requests that change state: a session must prove them with its CSRF token. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_FAILURES_PER_EMAIL = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 30;

/** Whether one more sign-in attempt may be checked, given the failures within the window. */
export function loginAllowed(failures: { email: number; ip: number }): boolean {
  return failures.email < LOGIN_FAILURES_PER_EMAIL && failures.ip < LOGIN_FAILURES_PER_ADDRESS;
}

export const MIN_PASSWORD_LENGTH = 10;

/** Why a new password is refused, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'password must be at most 200 characters';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'password must not be the email address';
  return null;
}
