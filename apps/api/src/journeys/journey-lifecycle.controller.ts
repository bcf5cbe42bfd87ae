import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProjectEntity } from '@engine/persistence';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentProject } from '../auth/current-project.decorator';
import { ArchivedJourneyDto, JourneyDetailDto } from './dto/journey.response';
import { PublishedJourneyVersionDto } from './dto/journey-version.response';
import { PublishRefusalDto } from './dto/publish-refusal.response';
import { JourneyLifecycleService } from './journey-lifecycle.service';
import { ParseJourneyIdPipe } from './journey-path.pipes';

@ApiTags('journeys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@ApiParam({ name: 'id', format: 'uuid' })
@ApiNotFoundResponse({ description: 'No such journey in this project.' })
@UseGuards(ApiKeyGuard)
@Controller('api/v1/journeys')
export class JourneyLifecycleController {
  constructor(private readonly lifecycle: JourneyLifecycleService) {}

  @Post(':id/publish')
  @ApiOperation({
    summary: 'Publish the draft as the next version',
    description: 'Validates the draft; a valid one becomes an immutable version that new users enter, and the journey goes live.',
  })
  @ApiCreatedResponse({ type: PublishedJourneyVersionDto })
  @ApiUnprocessableEntityResponse({ type: PublishRefusalDto, description: 'The draft has errors; nothing was published.' })
  @ApiConflictResponse({ description: 'The journey is archived.' })
  publish(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<PublishedJourneyVersionDto> {
    return this.lifecycle.publish(project.id, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a live journey: no new users enter; users inside carry on' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiConflictResponse({ description: 'The journey is not live.' })
  pause(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyDetailDto> {
    return this.lifecycle.pause(project.id, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused journey' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiConflictResponse({ description: 'The journey is not paused.' })
  resume(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyDetailDto> {
    return this.lifecycle.resume(project.id, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive a journey (final)',
    description: 'Users inside are stopped and their pending sends and timers cancelled. Duplicate an archived journey to reuse it.',
  })
  @ApiOkResponse({ type: ArchivedJourneyDto })
  @ApiConflictResponse({ description: 'The journey is already archived.' })
  archive(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<ArchivedJourneyDto> {
    return this.lifecycle.archive(project.id, id);
  }
}
