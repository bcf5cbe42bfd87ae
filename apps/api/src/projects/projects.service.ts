import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type ApiKeyEntity, ApiKeyStore, type ApiKeyScope, type ProjectEntity, ProjectMemberStore, ProjectStore, SessionStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type Actor } from '../auth/caller';
import { CLOCK, type Clock } from '../auth/clock';
import { AuditService } from '../audit/audit.service';
import { createApiKey } from './create-project';
import { type ApiKeyDto, type CreatedApiKeyDto, type ProjectDto } from './dto/project.dto';

/** Projects of the signed-in person, and a project's API keys. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listMine(accountId: string): Promise<ProjectDto[]> {
    const manager = this.dataSource.manager;
    const memberships = await ProjectMemberStore.projectsOf(manager, accountId);
    const projects = await Promise.all(memberships.map((m) => ProjectStore.findById(manager, m.projectId)));
    return memberships.flatMap((m, i) => {
      const project = projects[i];
      return project ? [toProjectDto(project, m.role)] : [];
    });
  }

  /** A new project with its creator as owner; the session switches to it. */
  async create(actor: Actor & { kind: 'session' }, name: string): Promise<ProjectDto> {
    return this.dataSource.transaction(async (tx) => {
      const project = await ProjectStore.create(tx, name.trim());
      await ProjectMemberStore.upsert(tx, project.id, actor.accountId, 'owner');
      await SessionStore.setProject(tx, actor.session.id, project.id);
      return toProjectDto(project, 'owner');
    });
  }

  describe(project: ProjectEntity, actor: Actor): ProjectDto {
    return toProjectDto(project, actor.kind === 'session' ? actor.role : null);
  }

  async rename(project: ProjectEntity, actor: Actor, name: string): Promise<ProjectDto> {
    return this.dataSource.transaction(async (tx) => {
      const renamed = await ProjectStore.rename(tx, project.id, name.trim());
      if (!renamed) throw new NotFoundException('The project no longer exists');
      await this.audit.record(project.id, actor, 'project.renamed', `"${project.name}" to "${renamed.name}"`, tx);
      return this.describe(renamed, actor);
    });
  }

  async listKeys(projectId: string): Promise<ApiKeyDto[]> {
    return (await ApiKeyStore.list(this.dataSource.manager, projectId)).map(toApiKeyDto);
  }

  async createKey(projectId: string, actor: Actor, name: string, scope: ApiKeyScope): Promise<CreatedApiKeyDto> {
    return this.dataSource.transaction(async (tx) => {
      const { key, apiKey } = await createApiKey(tx, projectId, name.trim(), scope);
      await this.audit.record(projectId, actor, 'api_key.created', `"${key.name}" (${key.scope}, ${key.keyPrefix}…)`, tx);
      return { ...toApiKeyDto(key), key: apiKey };
    });
  }

  async revokeKey(projectId: string, actor: Actor, id: string): Promise<ApiKeyDto> {
    return this.dataSource.transaction(async (tx) => {
      const key = await ApiKeyStore.revoke(tx, projectId, id, this.clock());
      if (!key) throw new NotFoundException(`No API key ${id} in this project`);
      await this.audit.record(projectId, actor, 'api_key.revoked', `"${key.name}" (${key.scope}, ${key.keyPrefix}…)`, tx);
      return toApiKeyDto(key);
    });
  }
}

function toProjectDto(project: ProjectEntity, role: ProjectDto['role']): ProjectDto {
  return { id: project.id, name: project.name, role, createdAt: project.createdAt };
}

function toApiKeyDto(key: ApiKeyEntity): ApiKeyDto {
  return { id: key.id, name: key.name, scope: key.scope, prefix: key.keyPrefix, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt, revokedAt: key.revokedAt };
}
