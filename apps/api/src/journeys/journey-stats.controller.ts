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
import { JourneyStatsDto } from './dto/journey-stats.response';
import { ParseJourneyIdPipe } from './journey-path.pipes';
import { JourneyStatsService } from './journey-stats.service';

@ApiTags('journeys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/journeys')
export class JourneyStatsController {
  constructor(private readonly journeyStats: JourneyStatsService) {}

  @Get(':id/stats')
  @Access('read')
  @ApiOperation({
    summary: 'Statistics per node and for the whole journey (all versions)',
    description:
      'Per node: `now` active users at the node, `entered` times users reached it, `sent` messages it created (queued and ' +
      'failed included, suppressed excluded), `delivered` messages that reached delivered/read/opened/clicked, `opened` read/opened/clicked, ' +
      '`clicked`, `failed`, `suppressed` (not sent on purpose), and `conversions` of users who were at the node when converting.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: JourneyStatsDto })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  stats(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyStatsDto> {
    return this.journeyStats.stats(project.id, id);
  }
}
