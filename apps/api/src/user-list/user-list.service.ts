import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SegmentsService } from '../segments/segments.service';
import { type ListUsersQueryDto } from './dto/list-users-query.dto';
import { type UserListDto } from './dto/user-list.response';
import { decodeCursor, encodeCursor, UUID_ID } from './keyset-cursor';
import { userSearchPatterns } from './user-search';

/** When a user was last seen: their last event (`last_seen_at`), else when they were created. Indexed as `users_project_last_seen`. */
const LAST_SEEN = 'coalesce(u.last_seen_at, u.created_at)';

interface UserListRow {
  id: string;
  external_id: string;
  email: string | null;
  phone: string | null;
  last_seen_at: Date;
}

/** The users page: search, "users at this step", "users in this segment", last seen first, a keyset page at a time. */
@Injectable()
export class UserListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly segments: SegmentsService,
  ) {}

  async list(projectId: string, query: ListUsersQueryDto, now: Date): Promise<UserListDto> {
    const limit = query.limit ?? 50;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'cursor', UUID_ID);
    if (after && 'problem' in after) throw new BadRequestException(after.problem);
    const search = query.search === undefined ? undefined : userSearchPatterns(query.search);
    const segment = query.segmentId === undefined ? undefined : await this.segments.compiledSaved(projectId, query.segmentId);
    // A compiled segment numbers its parameters from $3: $1 is the project, $2 now.
    const params: unknown[] = segment === undefined ? [projectId] : [projectId, now, ...segment.params];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const filters = ['u.project_id = $1'];
    // Each search branch is a prefix scan of its own index (users_project_*_prefix), OR-ed as a bitmap.
    if (search) filters.push(`(u.external_id LIKE ${param(search.externalId)} OR u.phone LIKE ${param(search.phone)} OR lower(u.email) LIKE ${param(search.email)})`);
    if (query.journeyId !== undefined) {
      filters.push(
        `EXISTS (SELECT 1 FROM journey_instances i WHERE i.journey_id = ${param(query.journeyId)}::uuid AND i.status = 'active' AND i.current_node_id = ${param(query.nodeId)} AND i.user_id = u.id)`,
      );
    }
    if (segment) filters.push(`$2::timestamptz IS NOT NULL AND (${segment.where})`);
    if (after) filters.push(`(${LAST_SEEN}, u.id) < (${param(after.at.toISOString())}::timestamptz, ${param(after.id)}::uuid)`);
    const rows = await this.dataSource.query<UserListRow[]>(
      `SELECT u.id, u.external_id, u.email, u.phone, ${LAST_SEEN} AS last_seen_at FROM users u
        WHERE ${filters.join(' AND ')}
        ORDER BY ${LAST_SEEN} DESC, u.id DESC
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      users: page.map((row) => ({ userId: row.external_id, email: row.email, phone: row.phone, lastSeenAt: row.last_seen_at.toISOString() })),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.last_seen_at, id: last.id }) : null,
    };
  }
}
