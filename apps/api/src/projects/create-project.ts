import { ApiKeyStore, type ApiKeyEntity, type ApiKeyScope, ProjectStore, type ProjectEntity } from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key';

/** Creates a named key of the project; the key itself is returned once and stored only as a hash. */
export async function createApiKey(manager: EntityManager, projectId: string, name: string, scope: ApiKeyScope): Promise<{ key: ApiKeyEntity; apiKey: string }> {
  const apiKey = generateApiKey();
  const key = await ApiKeyStore.create(manager, { projectId, name, scope, keyHash: hashApiKey(apiKey), keyPrefix: apiKeyPrefix(apiKey) });
  return { key, apiKey };
}

/** Creates a project with a full-scope "Default key" and returns that key. */
export async function createProject(manager: EntityManager, name: string): Promise<{ project: ProjectEntity; apiKey: string }> {
  const project = await ProjectStore.create(manager, name);
  const { apiKey } = await createApiKey(manager, project.id, 'Default key', 'full');
  return { project, apiKey };
}
