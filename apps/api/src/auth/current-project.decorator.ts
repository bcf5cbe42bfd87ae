import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type ProjectEntity } from '@engine/persistence';
import { type Actor, type ProjectRequest } from './caller';

/** The caller's project, resolved by AccessGuard on routes declared with @Access. */
export const CurrentProject = createParamDecorator((_: unknown, context: ExecutionContext): ProjectEntity => {
  const project = context.switchToHttp().getRequest<ProjectRequest>().project;
  if (!project) throw new Error('CurrentProject used on a route without @Access');
  return project;
});

/** Who is calling (a signed-in person or an API key), resolved by AccessGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<ProjectRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** The signed-in person's session (routes declared with @SignedIn or @Access and called with a session). */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<ProjectRequest>().actor;
  if (actor?.kind !== 'session') throw new Error('CurrentSession used on a route without a session');
  return actor;
});
