import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { CreateJourneyDto } from './dto/create-journey.dto';
import { JourneyDetailDto, JourneySummaryDto } from './dto/journey.response';
import { JourneyValidationDto } from './dto/journey-validation.response';
import { ListJourneysQueryDto } from './dto/list-journeys-query.dto';
import { UpdateJourneyDto } from './dto/update-journey.dto';
import { ValidateJourneyDto } from './dto/validate-journey.dto';
import { ParseJourneyIdPipe } from './journey-path.pipes';
import { JourneysService } from './journeys.service';

@ApiTags('journeys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/journeys')
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  @Post()
  @Access('edit')
  @ApiOperation({ summary: 'Create a draft journey', description: 'The graph may be incomplete or invalid: drafts are autosaved from the canvas.' })
  @ApiCreatedResponse({ type: JourneyDetailDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed (the message names it).' })
  create(@CurrentProject() project: ProjectEntity, @Body() dto: CreateJourneyDto): Promise<JourneyDetailDto> {
    return this.journeys.create(project.id, dto);
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'List journeys, most recently edited first' })
  @ApiOkResponse({ type: [JourneySummaryDto] })
  list(@CurrentProject() project: ProjectEntity, @Query() query: ListJourneysQueryDto): Promise<JourneySummaryDto[]> {
    return this.journeys.list(project.id, query);
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'Get a journey: its draft graph, status, live version and the validation result of the draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  get(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyDetailDto> {
    return this.journeys.get(project.id, id);
  }

  @Patch(':id')
  @Access('edit')
  @ApiOperation({
    summary: 'Update the draft (name and/or graph)',
    description:
      'Allowed in every status but archived. Editing a live journey changes its draft only: users keep entering the live ' +
      'version until the next publish. Send `revision` to be refused (409) instead of overwriting a concurrent edit.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiConflictResponse({ description: 'The journey is archived, or `revision` is stale.' })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  update(
    @CurrentProject() project: ProjectEntity,
    @Param('id', ParseJourneyIdPipe) id: string,
    @Body() dto: UpdateJourneyDto,
  ): Promise<JourneyDetailDto> {
    return this.journeys.update(project.id, id, dto);
  }

  /** The same as PATCH: fields left out keep their value (the canvas sends whichever it has). */
  @Put(':id')
  @Access('edit')
  @ApiOperation({ summary: 'Update the draft (same as PATCH)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: JourneyDetailDto })
  @ApiConflictResponse({ description: 'The journey is archived, or `revision` is stale.' })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  replace(
    @CurrentProject() project: ProjectEntity,
    @Param('id', ParseJourneyIdPipe) id: string,
    @Body() dto: UpdateJourneyDto,
  ): Promise<JourneyDetailDto> {
    return this.journeys.update(project.id, id, dto);
  }

  @Post(':id/validate')
  @Access('edit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate the draft, or the graph in the body (nothing is saved)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: JourneyValidationDto })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  validate(
    @CurrentProject() project: ProjectEntity,
    @Param('id', ParseJourneyIdPipe) id: string,
    @Body() dto: ValidateJourneyDto,
  ): Promise<JourneyValidationDto> {
    return this.journeys.validate(project.id, id, dto.graph);
  }

  @Post(':id/duplicate')
  @Access('edit')
  @ApiOperation({ summary: 'Copy the draft into a new draft journey named "<name> (copy)"' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: JourneyDetailDto })
  @ApiNotFoundResponse({ description: 'No such journey in this project.' })
  duplicate(@CurrentProject() project: ProjectEntity, @Param('id', ParseJourneyIdPipe) id: string): Promise<JourneyDetailDto> {
    return this.journeys.duplicate(project.id, id);
  }
}
