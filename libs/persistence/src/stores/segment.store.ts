import { type Condition } from '@engine/journey';
import { type EntityManager } from 'typeorm';
import { SegmentEntity } from '../entities/segment.entity';

/**
 * The one writer of `segments`. Deleting is a hard delete: a journey that still refers to the
 * segment then treats it as empty (and the validator warns), instead of running on a condition
 * nobody can see or edit any more; the audit log keeps who deleted it.
 */
export const SegmentStore = {
  async create(manager: EntityManager, segment: { projectId: string; name: string; description: string; condition: Condition }): Promise<SegmentEntity> {
    return manager.save(manager.create(SegmentEntity, segment));
  },

  async update(
    manager: EntityManager,
    projectId: string,
    id: string,
    changes: Partial<Pick<SegmentEntity, 'name' | 'description' | 'condition'>>,
  ): Promise<SegmentEntity | null> {
    await manager.query(
      `UPDATE segments SET name = COALESCE($3, name), description = COALESCE($4, description), condition = COALESCE($5::jsonb, condition), updated_at = now()
        WHERE id = $1 AND project_id = $2`,
      [id, projectId, changes.name ?? null, changes.description ?? null, changes.condition === undefined ? null : JSON.stringify(changes.condition)],
    );
    return manager.findOneBy(SegmentEntity, { id, projectId });
  },

  async delete(manager: EntityManager, projectId: string, id: string): Promise<boolean> {
    const result = await manager.delete(SegmentEntity, { id, projectId });
    return (result.affected ?? 0) > 0;
  },

  findById(manager: EntityManager, projectId: string, id: string): Promise<SegmentEntity | null> {
    return manager.findOneBy(SegmentEntity, { id, projectId });
  },

  list(manager: EntityManager, projectId: string): Promise<SegmentEntity[]> {
    return manager.find(SegmentEntity, { where: { projectId }, order: { name: 'ASC' } });
  },

  /** The conditions of a project's segments by id, for compiling references. */
  async conditionsOf(manager: EntityManager, projectIds: readonly string[]): Promise<Map<string, { projectId: string; condition: Condition }>> {
    if (projectIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ id: string; project_id: string; condition: Condition }>>(
      `SELECT id, project_id, condition FROM segments WHERE project_id = ANY($1::uuid[])`,
      [projectIds],
    );
    return new Map(rows.map((row) => [row.id, { projectId: row.project_id, condition: row.condition }]));
  },
};
