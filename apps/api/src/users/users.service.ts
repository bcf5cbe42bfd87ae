import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppUserEntity, UserStore, type InstanceStatus, type MessageStatus, type MessageStatusChange } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type UserProfileDto } from './dto/user.response';
import { toUserDto } from './to-user-dto';

/** How much history a profile shows. */
const PROFILE_HISTORY_LIMIT = 100;

interface InstanceRow {
  id: string;
  journey_id: string;
  journey_name: string;
  version: number;
  status: InstanceStatus;
  current_node_id: string;
  entered_at: Date;
  ended_at: Date | null;
}

interface MessageRow {
  id: string;
  channel: string;
  journey_id: string | null;
  node_id: string | null;
  status: MessageStatus;
  status_history: MessageStatusChange[];
  created_at: Date;
}

/** Reading and erasing users; writes go through UserUpsertsService. */
@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async profile(projectId: string, userId: string): Promise<UserProfileDto> {
    // One snapshot for the profile and its history: workers commit tags and instances together,
    // and separate reads could show a finished journey without the tags it set.
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.readProfile(manager, projectId, userId));
  }

  private async readProfile(manager: EntityManager, projectId: string, userId: string): Promise<UserProfileDto> {
    const user = await manager.getRepository(AppUserEntity).findOneBy({ projectId, externalId: userId });
    if (!user) throw notFound(userId);
    // One connection runs one query at a time, so these run in sequence inside the snapshot.
    const instances = await manager.query<InstanceRow[]>(
        `SELECT i.id, i.journey_id, j.name AS journey_name, v.version, i.status, i.current_node_id, i.entered_at, i.ended_at
           FROM journey_instances i
           JOIN journeys j ON j.id = i.journey_id
           JOIN journey_versions v ON v.id = i.version_id
          WHERE i.user_id = $1
          ORDER BY i.entered_at DESC, i.id
          LIMIT $2`,
        [user.id, PROFILE_HISTORY_LIMIT],
      );
    const messages = await manager.query<MessageRow[]>(
        `SELECT id, channel, journey_id, node_id, status, status_history, created_at
           FROM messages WHERE user_id = $1
          ORDER BY created_at DESC, id
          LIMIT $2`,
        [user.id, PROFILE_HISTORY_LIMIT],
      );
    const [counts] = await manager.query<Array<{ received: number; opened: number }>>(
      `SELECT count(*) FILTER (WHERE status IN ('sent', 'delivered', 'read', 'opened', 'clicked'))::int AS received,
              count(*) FILTER (WHERE status IN ('opened', 'clicked'))::int AS opened
         FROM messages WHERE user_id = $1`,
      [user.id],
    );
    return {
      ...toUserDto(user),
      messageCounts: counts,
      journeys: instances.map((row) => ({
        id: row.id,
        journeyId: row.journey_id,
        journeyName: row.journey_name,
        version: row.version,
        status: row.status,
        currentNodeId: row.current_node_id,
        enteredAt: row.entered_at.toISOString(),
        endedAt: row.ended_at?.toISOString() ?? null,
      })),
      messages: messages.map((row) => ({
        id: row.id,
        channel: row.channel,
        journeyId: row.journey_id,
        nodeId: row.node_id,
        status: row.status,
        statusHistory: row.status_history,
        createdAt: row.created_at.toISOString(),
      })),
    };
  }

  /** GDPR erasure (UserStore.erase). */
  async erase(projectId: string, userId: string): Promise<void> {
    if (!(await UserStore.erase(this.dataSource.manager, projectId, userId))) throw notFound(userId);
  }
}

function notFound(userId: string): NotFoundException {
  return new NotFoundException(`No user "${userId}" in this project`);
}
