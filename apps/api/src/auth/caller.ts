import { type ApiKeyEntity, type ProjectEntity, type ProjectRole, type SessionEntity } from '@engine/persistence';
import { type Request } from 'express';

/** Who made the request, as resolved by AccessGuard. */
export type Actor =
  | { kind: 'session'; accountId: string; email: string; session: SessionEntity; role: ProjectRole | null }
  | { kind: 'key'; key: ApiKeyEntity };

export interface ProjectRequest extends Request {
  project?: ProjectEntity;
  actor?: Actor;
}

/** How the audit log names an actor. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'session' ? actor.email : `key "${actor.key.name}" (${actor.key.keyPrefix}…)`;
}
