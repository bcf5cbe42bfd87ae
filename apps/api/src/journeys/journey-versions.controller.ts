import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { JourneyVersionDto, JourneyVersionSummaryDto } from './dto/journey-version.response';
import { ParseJourneyIdPipe, ParseVersionNumberPipe } from './journey-path.pipes';
import { JourneyVersionsService } from './journey-versions.service';

@ApiTags('journeys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@ApiParam({ name: 'id', format: 'uuid' })
@Controller('api/v1/journeys')
export class JourneyVersionsController {
  constructor(private readonly versions: JourneyVersionsService) {}

  @Get(':id/versions')
  @Access('read')
  @ApiOperation({ summary: 'List the published versions, newest first' })
  @ApiOkResponse({ type: [JourneyVersionSummaryDto] })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  list(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyVersionSummaryDto[]> {
    return this.versions.list(project.id, id);
  }

  @Get(':id/versions/:version')
  @Access('read')
  @ApiOperation({ summary: 'Get one published version with its graph' })
  @ApiParam({ name: 'version', type: Number, example: 1 })
  @ApiOkResponse({ type: JourneyVersionDto })
  @ApiNotFoundResponse({ description: 'No such journey in this project, or no such version.' })
  get(
    @CurrentProject() project: ProjectEntity,
    @Param('id', ParseJourneyIdPipe) id: string,
    @Param('version', ParseVersionNumberPipe) version: number,
  ): Promise<JourneyVersionDto> {
    return this.versions.get(project.id, id, version);
  }
}
