import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel } from '@engine/journey';
import { type MessageStatus, type MessageStatusChange } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type ListMessagesQueryDto } from './dto/list-messages-query.dto';
import { type MessageDto, type MessagePageDto } from './dto/message.response';

interface MessageRow {
  id: string;
  created_at: Date;
  channel: Channel;
  provider: string;
  status: MessageStatus;
  status_history: MessageStatusChange[];
  external_id: string;
  journey_id: string | null;
  journey_name: string | null;
  node_id: string | null;
  content: Record<string, unknown>;
  error: string | null;
  provider_message_id: string | null;
}

const DEFAULT_PAGE_SIZE = 50;

/** Sent messages, newest first: the canvas's sandbox inbox reads `provider=sandbox`. */
@Injectable()
export class MessagesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string, query: ListMessagesQueryDto): Promise<MessagePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (query.before && !(await this.exists(projectId, query.before))) {
      throw new BadRequestException(`before must be the id of a message of this project; "${query.before}" is not (erased, or of another project)`);
    }
    // One extra row tells whether there is a next page. (created_at, id) is a total order, so pages never skip or repeat.
    const rows = await this.dataSource.query<MessageRow[]>(
      `SELECT m.id, m.created_at, m.channel, m.provider, m.status, m.status_history, u.external_id, m.journey_id, j.name AS journey_name,
              m.node_id, m.content, m.error, m.provider_message_id
         FROM messages m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN journeys j ON j.id = m.journey_id
        WHERE m.project_id = $1
          AND ($2::text IS NULL OR m.provider = $2)
          AND ($3::text IS NULL OR m.channel = $3)
          AND ($4::text IS NULL OR m.status = $4)
          AND ($5::text IS NULL OR u.external_id = $5)
          AND ($6::uuid IS NULL OR (m.created_at, m.id) < (SELECT created_at, id FROM messages WHERE id = $6))
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $7`,
      [projectId, query.provider ?? null, query.channel ?? null, query.status ?? null, query.userId ?? null, query.before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit).map(toDto);
    return { messages: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
  }

  private async exists(projectId: string, messageId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM messages WHERE id = $1 AND project_id = $2`, [messageId, projectId]);
    return rows.length > 0;
  }
}

function toDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    channel: row.channel,
    provider: row.provider,
    status: row.status,
    statusHistory: row.status_history,
    userId: row.external_id,
    journeyId: row.journey_id,
    journeyName: row.journey_name,
    nodeId: row.node_id,
    content: row.content,
    error: row.error,
    providerMessageId: row.provider_message_id,
  };
}
