import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectEventNameEntity } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type EventNameDto } from './event-name.response';

/** The event names a project has received (ingestion records them), for pickers and typo checks. */
@Injectable()
export class EventNamesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string): Promise<EventNameDto[]> {
    const rows = await this.dataSource.getRepository(ProjectEventNameEntity).find({ where: { projectId }, order: { name: 'ASC' } });
    return rows.map((row) => ({ name: row.name, firstSeenAt: row.firstSeenAt.toISOString(), lastSeenAt: row.lastSeenAt.toISOString() }));
  }
}
