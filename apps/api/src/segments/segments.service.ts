import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectSegmentReferences, type Condition } from '@engine/journey';
import { compileSegment, type CompiledSegment, SegmentRefusal, SegmentStore, segmentCountQuery, segmentPageQuery, type SegmentEntity } from '@engine/persistence';
import { DataSource, QueryFailedError } from 'typeorm';
import { type CreateSegmentDto, type SegmentDto, type SegmentPreviewDto, type SegmentUserDto, type SegmentUsersPageDto, type UpdateSegmentDto } from './dto/segment.dto';

const SAMPLE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Saved segments: CRUD through SegmentStore, counts and members through the segment compiler. */
@Injectable()
export class SegmentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string): Promise<SegmentDto[]> {
    const segments = await SegmentStore.list(this.dataSource.manager, projectId);
    const usage = await this.usage(projectId);
    return segments.map((segment) => toDto(segment, usage));
  }

  async get(projectId: string, id: string): Promise<SegmentDto> {
    return toDto(await this.find(projectId, id), await this.usage(projectId));
  }

  async create(projectId: string, body: CreateSegmentDto): Promise<SegmentDto> {
    await this.compile(projectId, body.condition);
    const segment = await this.uniqueName(() =>
      SegmentStore.create(this.dataSource.manager, { projectId, name: body.name.trim(), description: body.description ?? '', condition: body.condition }),
    );
    return toDto(segment, new Map());
  }

  async update(projectId: string, id: string, body: UpdateSegmentDto): Promise<SegmentDto> {
    await this.find(projectId, id);
    if (body.condition !== undefined) await this.compile(projectId, body.condition, id);
    const updated = await this.uniqueName(() =>
      SegmentStore.update(this.dataSource.manager, projectId, id, {
        ...(body.name === undefined ? {} : { name: body.name.trim() }),
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(body.condition === undefined ? {} : { condition: body.condition }),
      }),
    );
    if (updated === null) throw new NotFoundException(`segment ${id} not found`);
    return toDto(updated, await this.usage(projectId));
  }

  async remove(projectId: string, id: string): Promise<void> {
    if (!(await SegmentStore.delete(this.dataSource.manager, projectId, id))) throw new NotFoundException(`segment ${id} not found`);
  }

  async preview(projectId: string, condition: Condition, now: Date): Promise<SegmentPreviewDto> {
    const compiled = await this.compile(projectId, condition);
    const count = segmentCountQuery(compiled, projectId, now);
    const page = segmentPageQuery(compiled, projectId, now, { limit: SAMPLE });
    const [[{ count: total }], sample] = await Promise.all([
      this.dataSource.query<Array<{ count: number }>>(count.sql, count.params),
      this.dataSource.query<UserRow[]>(page.sql, page.params),
    ]);
    return { count: total, sample: sample.map(toUser) };
  }

  async users(projectId: string, id: string, query: { limit?: unknown; after?: string }, now: Date): Promise<SegmentUsersPageDto> {
    const limit = query.limit === undefined ? 100 : query.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) throw new BadRequestException('limit must be a whole number from 1 to 1000');
    if (query.after !== undefined && !UUID.test(query.after)) throw new BadRequestException('after must be the nextAfter of the previous page (a UUID)');
    const segment = await this.find(projectId, id);
    const compiled = await this.compile(projectId, segment.condition, id);
    const page = segmentPageQuery(compiled, projectId, now, { limit, ...(query.after === undefined ? {} : { after: query.after }) });
    const rows = await this.dataSource.query<UserRow[]>(page.sql, page.params);
    return { users: rows.map(toUser), nextAfter: rows.length === limit ? rows[rows.length - 1].id : null };
  }

  /** A saved segment of the project compiled to SQL, for other lists to filter by (404 when it does not exist). */
  async compiledSaved(projectId: string, id: string): Promise<CompiledSegment> {
    const segment = await this.find(projectId, id);
    return this.compile(projectId, segment.condition, id);
  }

  private async find(projectId: string, id: string): Promise<SegmentEntity> {
    if (!UUID.test(id)) throw new BadRequestException('id must be a UUID (the segment id)');
    const segment = await SegmentStore.findById(this.dataSource.manager, projectId, id);
    if (segment === null) throw new NotFoundException(`segment ${id} not found`);
    return segment;
  }

  /** The condition compiled with the project's segments (`self` as it would be saved), or a 422 naming the path. */
  private async compile(projectId: string, condition: unknown, self?: string): Promise<CompiledSegment> {
    if (condition === undefined) throw new UnprocessableEntityException({ message: ['condition is required'] });
    const saved = await SegmentStore.conditionsOf(this.dataSource.manager, [projectId]);
    const segments = new Map<string, Condition>([...saved].map(([id, segment]) => [id, segment.condition]));
    if (self !== undefined) segments.set(self, condition as Condition);
    const missing = collectSegmentReferences(condition as Condition).filter((id) => !segments.has(id));
    if (missing.length > 0) throw new UnprocessableEntityException({ message: missing.map((id) => `condition: segment ${id} does not exist`) });
    try {
      return compileSegment(condition, { segments });
    } catch (error) {
      if (error instanceof SegmentRefusal) throw new UnprocessableEntityException({ message: error.problems });
      throw error;
    }
  }

  private async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
        throw new ConflictException('name: another segment of this project has that name');
      }
      throw error;
    }
  }

  /** Journeys whose draft or live graph mentions each segment id. */
  private async usage(projectId: string): Promise<Map<string, Array<{ id: string; name: string; status: string }>>> {
    const rows = await this.dataSource.query<Array<{ segment_id: string; id: string; name: string; status: string }>>(
      `SELECT s.id AS segment_id, j.id, j.name, j.status
         FROM segments s
         JOIN journeys j ON j.project_id = s.project_id
         LEFT JOIN journey_versions v ON v.id = j.live_version_id
        WHERE s.project_id = $1 AND j.status <> 'archived'
          AND (strpos(j.draft_graph::text, s.id::text) > 0 OR strpos(coalesce(v.graph::text, ''), s.id::text) > 0)
        ORDER BY j.name`,
      [projectId],
    );
    const usage = new Map<string, Array<{ id: string; name: string; status: string }>>();
    for (const row of rows) usage.set(row.segment_id, [...(usage.get(row.segment_id) ?? []), { id: row.id, name: row.name, status: row.status }]);
    return usage;
  }
}

interface UserRow {
  id: string;
  external_id: string;
  email: string | null;
  phone: string | null;
}

function toUser(row: UserRow): SegmentUserDto {
  return { id: row.id, externalId: row.external_id, email: row.email, phone: row.phone };
}

function toDto(segment: SegmentEntity, usage: Map<string, Array<{ id: string; name: string; status: string }>>): SegmentDto {
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    condition: segment.condition,
    createdAt: segment.createdAt.toISOString(),
    updatedAt: segment.updatedAt.toISOString(),
    usedBy: usage.get(segment.id) ?? [],
  };
}
