import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JourneyVersionEntity } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type JourneyVersionDto, type JourneyVersionSummaryDto } from './dto/journey-version.response';
import { findProjectJourney } from './find-project-journey';

/** Published versions: immutable, numbered from 1 per journey. */
@Injectable()
export class JourneyVersionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string, journeyId: string): Promise<JourneyVersionSummaryDto[]> {
    const journey = await findProjectJourney(this.dataSource.manager, projectId, journeyId);
    const versions = await this.dataSource.getRepository(JourneyVersionEntity).find({
      where: { journeyId, projectId },
      select: { id: true, journeyId: true, version: true, compiledHash: true, publishedAt: true },
      order: { version: 'DESC' },
    });
    return versions.map((version) => summary(version, journey.liveVersionId));
  }

  async get(projectId: string, journeyId: string, versionNumber: number): Promise<JourneyVersionDto> {
    const journey = await findProjectJourney(this.dataSource.manager, projectId, journeyId);
    const version = await this.dataSource
      .getRepository(JourneyVersionEntity)
      .findOne({ where: { journeyId, projectId, version: versionNumber } });
    if (!version) throw new NotFoundException(`Journey "${journeyId}" has no version ${versionNumber}`);
    return { ...summary(version, journey.liveVersionId), graph: version.graph };
  }
}

function summary(version: JourneyVersionEntity, liveVersionId: string | null): JourneyVersionSummaryDto {
  return {
    id: version.id,
    journeyId: version.journeyId,
    version: version.version,
    compiledHash: version.compiledHash,
    live: version.id === liveVersionId,
    publishedAt: version.publishedAt.toISOString(),
  };
}
