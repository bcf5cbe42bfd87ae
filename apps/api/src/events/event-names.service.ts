import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectEventAttributeEntity, ProjectEventCountEntity, ProjectEventNameEntity } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type EventAttributeDto, type EventNameDto } from './event-name.response';

/** The events catalogue: the names a project has received, with counts and attribute types, for pickers and typo checks. */
@Injectable()
export class EventNamesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string): Promise<EventNameDto[]> {
    const [rows, countRows, attributeRows] = await Promise.all([
      this.dataSource.getRepository(ProjectEventNameEntity).find({ where: { projectId }, order: { name: 'ASC' } }),
      this.dataSource.getRepository(ProjectEventCountEntity).find({ where: { projectId } }),
      this.dataSource.getRepository(ProjectEventAttributeEntity).find({ where: { projectId }, order: { eventName: 'ASC', attribute: 'ASC', type: 'ASC' } }),
    ]);
    const counts = new Map(countRows.map((row) => [row.name, Number(row.count)]));
    const attributes = new Map<string, EventAttributeDto[]>();
    for (const row of attributeRows) {
      const attribute = { name: row.attribute, type: row.type, count: Number(row.count), firstSeenAt: row.firstSeenAt.toISOString(), lastSeenAt: row.lastSeenAt.toISOString() };
      attributes.set(row.eventName, [...(attributes.get(row.eventName) ?? []), attribute]);
    }
    return rows.map((row) => ({
      name: row.name,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      count: counts.get(row.name) ?? 0,
      attributes: attributes.get(row.name) ?? [],
    }));
  }
}
