import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectEventAttributeEntity, ProjectEventNameEntity } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type EventAttributeDto, type EventNameDto } from './event-name.response';

/** The events catalogue: the names a project has received, with counts and attribute types, for pickers and typo checks. */
@Injectable()
export class EventNamesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string): Promise<EventNameDto[]> {
    const [rows, attributeRows] = await Promise.all([
      this.dataSource.getRepository(ProjectEventNameEntity).find({ where: { projectId }, order: { name: 'ASC' } }),
      this.dataSource.getRepository(ProjectEventAttributeEntity).find({ where: { projectId }, order: { eventName: 'ASC', attribute: 'ASC', type: 'ASC' } }),
    ]);
    const attributes = new Map<string, EventAttributeDto[]>();
    for (const row of attributeRows) {
      const attribute = { name: row.attribute, type: row.type, count: Number(row.count), firstSeenAt: row.firstSeenAt.toISOString(), lastSeenAt: row.lastSeenAt.toISOString() };
      attributes.set(row.eventName, [...(attributes.get(row.eventName) ?? []), attribute]);
    }
    return rows.map((row) => ({
      name: row.name,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      count: Number(row.count),
      attributes: attributes.get(row.name) ?? [],
    }));
  }
}
