import { Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import { Access } from '../auth/access.decorator';
import { type Actor } from '../auth/caller';
import { CurrentActor, CurrentProject } from '../auth/current-project.decorator';
import { AuditService } from '../audit/audit.service';
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
@Controller('api/v1/journeys')
export class JourneyLifecycleController {
  constructor(
    private readonly lifecycle: JourneyLifecycleService,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/publish')
  @Access('edit')
  @ApiOperation({
    summary: 'Publish the draft as the next version',
    description: 'Validates the draft; a valid one becomes an immutable version that new users enter, and the journey goes live.',
  })
  @ApiCreatedResponse({ type: PublishedJourneyVersionDto })
  @ApiUnprocessableEntityResponse({ type: PublishRefusalDto, description: 'The draft has errors; nothing was published.' })
  @ApiConflictResponse({ description: 'The journey is archived.' })
  async publish(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Param('id', ParseJourneyIdPipe) id: string): Promise<PublishedJourneyVersionDto> {
    const version = await this.lifecycle.publish(project.id, id);
    await this.audit.record(project.id, actor, 'journey.published', `journey ${id} version ${version.version}`);
    return version;
  }

  @Post(':id/pause')
  @Access('edit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a live journey: no new users enter; users inside carry on' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiConflictResponse({ description: 'The journey is not live.' })
  async pause(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyDetailDto> {
    const journey = await this.lifecycle.pause(project.id, id);
    await this.audit.record(project.id, actor, 'journey.paused', `"${journey.name}" (${id})`);
    return journey;
  }

  @Post(':id/resume')
  @Access('edit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused journey' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiConflictResponse({ description: 'The journey is not paused.' })
  async resume(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyDetailDto> {
    const journey = await this.lifecycle.resume(project.id, id);
    await this.audit.record(project.id, actor, 'journey.resumed', `"${journey.name}" (${id})`);
    return journey;
  }

  @Post(':id/archive')
  @Access('edit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive a journey (final)',
    description: 'Users inside are stopped and their pending sends and timers cancelled. Duplicate an archived journey to reuse it.',
  })
  @ApiOkResponse({ type: ArchivedJourneyDto })
  @ApiConflictResponse({ description: 'The journey is already archived.' })
  async archive(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Param('id', ParseJourneyIdPipe) id: string): Promise<ArchivedJourneyDto> {
    const journey = await this.lifecycle.archive(project.id, id);
    await this.audit.record(project.id, actor, 'journey.archived', `"${journey.name}" (${id})`);
    return journey;
  }
}
