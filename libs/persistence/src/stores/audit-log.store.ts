import { type EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry.entity';

export interface AuditRecord {
  projectId: string;
  actor: string;
  action: string;
  subject: string;
  at: Date;
}

/** The one writer of `audit_log`. */
export const AuditLogStore = {
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditEntryEntity, entry);
  },

  /** Newest first. */
  list(manager: EntityManager, projectId: string, limit: number): Promise<AuditEntryEntity[]> {
    return manager.find(AuditEntryEntity, { where: { projectId }, order: { id: 'DESC' }, take: limit });
  },
};
