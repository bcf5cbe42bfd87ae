import { ProjectEntity } from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key';

/** Creates a project and returns its API key; the key itself is stored only as a hash. */
export async function createProject(manager: EntityManager, name: string): Promise<{ project: ProjectEntity; apiKey: string }> {
  const apiKey = generateApiKey();
  const project = await manager.save(
    manager.create(ProjectEntity, { name, apiKeyHash: hashApiKey(apiKey), apiKeyPrefix: apiKeyPrefix(apiKey) }),
  );
  return { project, apiKey };
}
