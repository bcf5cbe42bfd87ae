import { Body, Controller, HttpCode, HttpException, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnterUsersThroughApi, EntryRefusal } from '@engine/execution';
import { type ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { ParseJourneyIdPipe } from '../journeys/journey-path.pipes';
import { JourneyEntriesDto } from './journey-entries.dto';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('api/v1/journeys')
export class JourneyEntriesController {
  constructor(private readonly enterUsers: EnterUsersThroughApi) {}

  @Post(':id/entries')
  @Access('ingest')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Enter users into a live journey through its API entry node',
    description: 'Answers 202 once queued; the re-entry policy of the journey decides for users already in it. Unknown users are created.',
  })
  async enter(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) journeyId: string, @Body() body: JourneyEntriesDto): Promise<{ queued: number; entryNodeId: string }> {
    try {
      return await this.enterUsers.enter(
        project.id,
        journeyId,
        body.users.map((user) => ({ userId: user.userId, attributes: user.attributes ?? {} })),
        body.entryNodeId,
      );
    } catch (error) {
      throw error instanceof EntryRefusal ? entryRefusalToHttp(error) : error;
    }
  }
}

/** An unknown journey is 404; a journey users cannot enter this way is 422. */
function entryRefusalToHttp(refusal: EntryRefusal): HttpException {
  return refusal.reason === 'journey-not-found' ? new NotFoundException(refusal.message) : new UnprocessableEntityException(refusal.message);
}
