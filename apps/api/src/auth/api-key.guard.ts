import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ProjectEntity } from '@engine/persistence';
import { type Request } from 'express';
import { Repository } from 'typeorm';
import { hashApiKey } from '../projects/api-key';

export interface ProjectRequest extends Request {
  project?: ProjectEntity;
}

/**
 * Resolves the caller's project from `Authorization: Bearer <key>` (or `X-Api-Key`). Every API route
 * is scoped to that project.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ProjectRequest>();
    const key = readApiKey(request);
    if (!key) throw new UnauthorizedException('Missing API key: send "Authorization: Bearer <key>" or "X-Api-Key: <key>"');
    const project = await this.projects.findOne({ where: { apiKeyHash: hashApiKey(key) } });
    if (!project) throw new UnauthorizedException('Unknown API key');
    request.project = project;
    return true;
  }
}

function readApiKey(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const direct = request.headers['x-api-key'];
  return typeof direct === 'string' ? direct.trim() : undefined;
}
