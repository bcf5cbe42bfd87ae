import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ListUsersQueryDto } from './dto/list-users-query.dto';
import { type UserListDto } from './dto/user-list.response';
import { decodeCursor, encodeCursor, UUID_ID } from './keyset-cursor';
import { userSearchPatterns } from './user-search';

/** The column the list sorts by as "last seen" (switch to `last_seen_at` once users have it). */
/** When a user was last seen: their last event (`last_seen_at`), else when they were created. Indexed as `users_project_last_seen`. */
const LAST_SEEN = 'coalesce(u.last_seen_at, u.created_at)';

interface UserListRow {
  id: string;
  external_id: string;
  email: string | null;
  phone: string | null;
  last_seen_at: Date;
}

/** The users page: search, "users at this step", last seen first, a keyset page at a time. */
@Injectable()
export class UserListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string, query: ListUsersQueryDto): Promise<UserListDto> {
    const limit = query.limit ?? 50;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'cursor', UUID_ID);
    if (after && 'problem' in after) throw new BadRequestException(after.problem);
    const search = query.search === undefined ? undefined : userSearchPatterns(query.search);
    // Each search branch is a prefix scan of its own index (users_project_*_prefix), OR-ed as a bitmap.
    const rows = await this.dataSource.query<UserListRow[]>(
      `SELECT u.id, u.external_id, u.email, u.phone, ${LAST_SEEN} AS last_seen_at
         FROM users u
        WHERE u.project_id = $1
          AND ($2::text IS NULL OR u.external_id LIKE $2 OR u.phone LIKE $3 OR lower(u.email) LIKE $4)
          AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM journey_instances i
                                            WHERE i.journey_id = $5 AND i.status = 'active' AND i.current_node_id = $6 AND i.user_id = u.id))
          AND ($7::timestamptz IS NULL OR (${LAST_SEEN}, u.id) < ($7, $8::uuid))
        ORDER BY ${LAST_SEEN} DESC, u.id DESC
        LIMIT $9`,
      [
        projectId,
        search?.externalId ?? null,
        search?.phone ?? null,
        search?.email ?? null,
        query.journeyId ?? null,
        query.nodeId ?? null,
        after?.at.toISOString() ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      users: page.map((row) => ({ userId: row.external_id, email: row.email, phone: row.phone, lastSeenAt: row.last_seen_at.toISOString() })),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.last_seen_at, id: last.id }) : null,
    };
  }
}
