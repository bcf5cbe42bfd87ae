import { type EntityManager } from 'typeorm';
import { ProjectEntity } from '../entities/project.entity';

/** The one writer of `projects`. */
export const ProjectStore = {
  async create(manager: EntityManager, name: string): Promise<ProjectEntity> {
    return manager.save(manager.create(ProjectEntity, { name }));
  },

  findById(manager: EntityManager, id: string): Promise<ProjectEntity | null> {
    return manager.findOneBy(ProjectEntity, { id });
  },

  async listIds(manager: EntityManager): Promise<string[]> {
    return (await manager.find(ProjectEntity, { select: { id: true }, order: { createdAt: 'ASC' } })).map((project) => project.id);
  },

  count(manager: EntityManager): Promise<number> {
    return manager.count(ProjectEntity);
  },

  async rename(manager: EntityManager, id: string, name: string): Promise<ProjectEntity | null> {
    await manager.update(ProjectEntity, { id }, { name });
    return manager.findOneBy(ProjectEntity, { id });
  },
};
