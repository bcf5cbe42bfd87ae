import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AccessRule, type Permission } from './access-policy';

export const ACCESS_RULE = 'access-rule';
export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The rule of a route, also written into the OpenAPI document as `x-access` (read by the tests and clients). */
function declare(rule: AccessRule, ...documentation: MethodDecorator[]): MethodDecorator & ClassDecorator {
  const label = rule.kind === 'project' ? rule.permission : rule.kind;
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiExtension('x-access', label), ...documentation);
}

/**
 * The route needs this permission in the caller's project: the API key's project, or the project
 * the session has chosen. AccessGuard (global) checks it on every request.
 */
export function Access(permission: Permission): MethodDecorator & ClassDecorator {
  return declare(
    { kind: 'project', permission },
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'Not signed in and no (or an unknown or revoked) API key.' }),
    ApiForbiddenResponse({ description: `The role or key scope does not allow "${permission}", or a session's state-changing request lacks its CSRF token.` }),
  );
}

/** The route is for a signed-in person and needs no project (their session, their projects). */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return declare(
    { kind: 'signed-in' },
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
  );
}

/** Anyone may call the route (sign-in, webhooks, tracking links, health). */
export function Public(): MethodDecorator & ClassDecorator {
  return declare({ kind: 'public' });
}

/** Anyone may call the route; a session, when the caller has one, is read (and its CSRF token checked). */
export function PublicOrSignedIn(): MethodDecorator & ClassDecorator {
  return declare({ kind: 'anyone' }, ApiCookieAuth(SESSION_COOKIE));
}
