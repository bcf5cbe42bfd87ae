import { Inject, Injectable } from '@nestjs/common';
import { AuditLogStore } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, actorLabel } from '../auth/caller';
import { CLOCK, type Clock } from '../auth/clock';

export type AuditAction =
  | 'journey.published'
  | 'journey.paused'
  | 'journey.resumed'
  | 'journey.archived'
  | 'channel.credentials_changed'
  | 'channel.reset'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'member.added'
  | 'member.role_changed'
  | 'member.removed'
  | 'project.renamed';

/** Records who changed what, for the project's owners to read. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(projectId: string, actor: Actor | string, action: AuditAction, subject: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await AuditLogStore.record(manager, { projectId, actor: typeof actor === 'string' ? actor : actorLabel(actor), action, subject, at: this.clock() });
  }
}
