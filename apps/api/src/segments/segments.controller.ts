import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import {
  CreateSegmentDto,
  PreviewSegmentDto,
  SegmentDto,
  SegmentPreviewDto,
  SegmentUsersPageDto,
  SegmentUsersQueryDto,
  UpdateSegmentDto,
} from './dto/segment.dto';
import { SegmentsService } from './segments.service';

const BAD_CONDITION = 'The condition is malformed, refers to a missing segment, or cannot be evaluated by the database; each message starts with its path (condition.and[1].op ...).';

@ApiTags('segments')
@Controller('api/v1/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Saved segments, by name, with the journeys that use each' })
  @ApiOkResponse({ type: [SegmentDto] })
  list(@CurrentProject() project: ProjectEntity): Promise<SegmentDto[]> {
    return this.segments.list(project.id);
  }

  @Post()
  @Access('edit')
  @ApiOperation({ summary: 'Save a segment' })
  @ApiCreatedResponse({ type: SegmentDto })
  @ApiConflictResponse({ description: 'Another segment of the project has that name.' })
  @ApiUnprocessableEntityResponse({ description: BAD_CONDITION })
  create(@CurrentProject() project: ProjectEntity, @Body() body: CreateSegmentDto): Promise<SegmentDto> {
    return this.segments.create(project.id, body);
  }

  @Post('preview')
  @HttpCode(200)
  // Part of editing a segment (a viewer sees saved segments and their users through the GET routes).
  @Access('edit')
  @ApiOperation({ summary: 'Count the users a condition matches now, with a sample of 20 (a live count while editing)' })
  @ApiOkResponse({ type: SegmentPreviewDto })
  @ApiUnprocessableEntityResponse({ description: BAD_CONDITION })
  preview(@CurrentProject() project: ProjectEntity, @Body() body: PreviewSegmentDto): Promise<SegmentPreviewDto> {
    return this.segments.preview(project.id, body.condition, new Date());
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One segment' })
  @ApiOkResponse({ type: SegmentDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such segment in this project.' })
  get(@CurrentProject() project: ProjectEntity, @Param('id') id: string): Promise<SegmentDto> {
    return this.segments.get(project.id, id);
  }

  @Patch(':id')
  @Access('edit')
  @ApiOperation({ summary: 'Rename, describe or change the condition of a segment; journeys use the new condition from their next evaluation' })
  @ApiOkResponse({ type: SegmentDto })
  @ApiNotFoundResponse({ description: 'No such segment in this project.' })
  @ApiConflictResponse({ description: 'Another segment of the project has that name.' })
  @ApiUnprocessableEntityResponse({ description: BAD_CONDITION })
  update(@CurrentProject() project: ProjectEntity, @Param('id') id: string, @Body() body: UpdateSegmentDto): Promise<SegmentDto> {
    return this.segments.update(project.id, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('edit')
  @ApiOperation({ summary: 'Delete a segment; journeys that still refer to it treat it as empty, and their validation warns' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: 'No such segment in this project.' })
  remove(@CurrentProject() project: ProjectEntity, @Param('id') id: string): Promise<void> {
    return this.segments.remove(project.id, id);
  }

  @Get(':id/users')
  @Access('read')
  @ApiOperation({ summary: 'The segment’s users now, by id; page with after = the previous nextAfter' })
  @ApiOkResponse({ type: SegmentUsersPageDto })
  @ApiBadRequestResponse({ description: 'limit or after is malformed.' })
  @ApiNotFoundResponse({ description: 'No such segment in this project.' })
  users(@CurrentProject() project: ProjectEntity, @Param('id') id: string, @Query() query: SegmentUsersQueryDto): Promise<SegmentUsersPageDto> {
    return this.segments.users(project.id, id, query, new Date());
  }
}
