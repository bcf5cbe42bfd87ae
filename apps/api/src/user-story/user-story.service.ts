import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelReachability } from '@engine/execution';
import { type StepEntry } from '@engine/journey';
import { AppUserEntity, type InstanceStatus } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { BIGINT_ID, decodeCursor, encodeCursor } from '../user-list/keyset-cursor';
import { toUserDto } from '../users/to-user-dto';
import { assembleSends, type MessageRow, type SendRow, toStorySend } from './assemble-sends';
import { type StoryNodeDto, type UserStoryDto } from './dto/user-story.response';
import { type UserStoryQueryDto } from './dto/user-story-query.dto';
import { toStepDto } from './to-step-dto';

/** How many journey instances and messages a story shows (newest first). */
const STORY_INSTANCES = 50;
const STORY_MESSAGES = 500;

interface EventRow {
  id: string;
  name: string;
  attributes: Record<string, unknown>;
  occurred_at: Date;
}

interface StoryInstanceRow {
  id: string;
  journey_id: string;
  journey_name: string;
  version: number;
  status: InstanceStatus;
  current_node_id: string;
  entered_at: Date;
  ended_at: Date | null;
  steps: StepEntry[];
  steps_dropped: number;
  nodes: StoryNodeDto[];
}

/** A user's story: profile, consent, events, and every journey step and message with why it was not sent. */
@Injectable()
export class UserStoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async story(projectId: string, userId: string, query: UserStoryQueryDto, now: number): Promise<UserStoryDto> {
    const before = query.eventsCursor === undefined ? undefined : decodeCursor(query.eventsCursor, 'eventsCursor', BIGINT_ID);
    if (before && 'problem' in before) throw new BadRequestException(before.problem);
    // One snapshot: a worker commits an instance's steps and its outbox rows together.
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.read(manager, projectId, userId, query.eventsLimit ?? 50, before, now));
  }

  private async read(
    manager: EntityManager,
    projectId: string,
    externalId: string,
    eventsLimit: number,
    before: { at: Date; id: string } | undefined,
    now: number,
  ): Promise<UserStoryDto> {
    const user = await manager.getRepository(AppUserEntity).findOneBy({ projectId, externalId });
    if (!user) throw new NotFoundException(`No user "${externalId}" in this project`);
    const events = await manager.query<EventRow[]>(
      `SELECT id, name, attributes, occurred_at FROM events
        WHERE user_id = $1 AND ($2::timestamptz IS NULL OR (occurred_at, id) < ($2, $3::bigint))
        ORDER BY occurred_at DESC, id DESC
        LIMIT $4`,
      [user.id, before?.at.toISOString() ?? null, before?.id ?? null, eventsLimit + 1],
    );
    const instances = await manager.query<StoryInstanceRow[]>(
      `SELECT i.id, i.journey_id, j.name AS journey_name, v.version, i.status, i.current_node_id, i.entered_at, i.ended_at,
              i.steps, i.steps_dropped,
              (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', n->>'id', 'type', n->>'type', 'label', n->>'label'))), '[]')
                 FROM jsonb_array_elements(v.graph->'nodes') n) AS nodes
         FROM journey_instances i
         JOIN journeys j ON j.id = i.journey_id
         JOIN journey_versions v ON v.id = i.version_id
        WHERE i.user_id = $1
        ORDER BY i.entered_at DESC, i.id
        LIMIT $2`,
      [user.id, STORY_INSTANCES],
    );
    const instanceIds = instances.map((instance) => instance.id);
    const sends = await manager.query<SendRow[]>(
      `SELECT instance_id, effect->>'idempotencyKey' AS idempotency_key, effect->>'nodeId' AS node_id, effect->>'channel' AS channel,
              status, due_at, created_at
         FROM outbox WHERE instance_id = ANY($1::uuid[]) AND kind = 'send'`,
      [instanceIds],
    );
    const messages = await manager.query<MessageRow[]>(
      `SELECT id, instance_id, node_id, channel, status, status_history, error, idempotency_key, created_at
         FROM messages WHERE user_id = $1
        ORDER BY created_at DESC, id
        LIMIT $2`,
      [user.id, STORY_MESSAGES],
    );

    const page = events.slice(0, eventsLimit);
    const lastEvent = page.at(-1);
    return {
      user: toUserDto(user),
      reachability: channelReachability(user),
      events: page.map((event) => ({ id: event.id, name: event.name, attributes: event.attributes, occurredAt: event.occurred_at.toISOString() })),
      eventsNextCursor: events.length > eventsLimit && lastEvent ? encodeCursor({ at: lastEvent.occurred_at, id: lastEvent.id }) : null,
      journeys: instances.map((instance) => ({
        instanceId: instance.id,
        journeyId: instance.journey_id,
        journeyName: instance.journey_name,
        version: instance.version,
        status: instance.status,
        currentNodeId: instance.current_node_id,
        enteredAt: instance.entered_at.toISOString(),
        endedAt: instance.ended_at?.toISOString() ?? null,
        nodes: instance.nodes,
        steps: instance.steps.map(toStepDto),
        stepsDropped: instance.steps_dropped,
        sends: assembleSends(
          sends.filter((send) => send.instance_id === instance.id),
          messages.filter((message) => message.instance_id === instance.id),
          user.timeZone,
          now,
        ),
      })),
      messages: messages.filter((message) => message.instance_id === null).map((message) => toStorySend(message, user.timeZone, now)),
    };
  }
}
