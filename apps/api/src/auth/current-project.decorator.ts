import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type ProjectEntity } from '@engine/persistence';
import { type ProjectRequest } from './api-key.guard';

/** The project resolved by ApiKeyGuard. */
export const CurrentProject = createParamDecorator((_: unknown, context: ExecutionContext): ProjectEntity => {
  const project = context.switchToHttp().getRequest<ProjectRequest>().project;
  if (!project) throw new Error('CurrentProject used on a route without ApiKeyGuard');
  return project;
});
