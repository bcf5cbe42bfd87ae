import { type EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity, type ApiKeyScope } from '../entities/api-key.entity';

/** The one writer of `api_keys`. */
export const ApiKeyStore = {
  async create(manager: EntityManager, input: { projectId: string; name: string; scope: ApiKeyScope; keyHash: string; keyPrefix: string }): Promise<ApiKeyEntity> {
    return manager.save(manager.create(ApiKeyEntity, input));
  },

  /** The unrevoked key with this hash. */
  findActive(manager: EntityManager, keyHash: string): Promise<ApiKeyEntity | null> {
    return manager.findOneBy(ApiKeyEntity, { keyHash, revokedAt: IsNull() });
  },

  list(manager: EntityManager, projectId: string): Promise<ApiKeyEntity[]> {
    return manager.find(ApiKeyEntity, { where: { projectId }, order: { createdAt: 'ASC', id: 'ASC' } });
  },

  /** Revokes the project's key; null when the project has no such key. Revoking twice keeps the first time. */
  async revoke(manager: EntityManager, projectId: string, id: string, now: Date): Promise<ApiKeyEntity | null> {
    await manager.query(`UPDATE api_keys SET revoked_at = $3::timestamptz WHERE project_id = $1 AND id = $2 AND revoked_at IS NULL`, [projectId, id, now]);
    return manager.findOneBy(ApiKeyEntity, { projectId, id });
  },

  /** Records a use; written at most once a minute per key so busy ingestion does not rewrite the row on every request. */
  async touch(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE api_keys SET last_used_at = $2::timestamptz WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, now],
    );
  },
};
