import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { CreateTagDto } from './dto/create-tag.dto';
import { TagDefinitionDto } from './dto/tag.response';
import { UpdateTagDto } from './dto/update-tag.dto';
import { TagsService } from './tags.service';

const TAG_NAME_PARAM = { name: 'name', description: 'The tag name, URL-encoded.', example: 'plan' };

@ApiTags('tags')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: "The project's tag catalogue, sorted by name", description: 'Tags written without being created first are here with the type of their first value.' })
  @ApiOkResponse({ type: [TagDefinitionDto] })
  list(@CurrentProject() project: ProjectEntity): Promise<TagDefinitionDto[]> {
    return this.tags.list(project.id);
  }

  @Post()
  @Access('edit')
  @ApiOperation({ summary: 'Create a tag with its type', description: 'From then on every write of the tag must fit the type (422 otherwise).' })
  @ApiCreatedResponse({ type: TagDefinitionDto })
  @ApiBadRequestResponse({ description: 'A field is malformed (the message names it).' })
  @ApiConflictResponse({ description: 'The tag exists already.' })
  create(@CurrentProject() project: ProjectEntity, @Body() dto: CreateTagDto): Promise<TagDefinitionDto> {
    return this.tags.create(project.id, dto);
  }

  @Patch(':name')
  @Access('edit')
  @ApiOperation({ summary: "Change a tag's description or type", description: 'A type change is refused (409, saying how many users) while users hold values of another type.' })
  @ApiParam(TAG_NAME_PARAM)
  @ApiOkResponse({ type: TagDefinitionDto })
  @ApiNotFoundResponse({ description: 'No such tag.' })
  @ApiConflictResponse({ description: 'Users hold values that do not fit the new type.' })
  update(@CurrentProject() project: ProjectEntity, @Param('name') name: string, @Body() dto: UpdateTagDto): Promise<TagDefinitionDto> {
    return this.tags.update(project.id, name, dto);
  }

  @Delete(':name')
  @Access('edit')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a tag from the catalogue', description: "Users keep their values; the tag's next write types it again." })
  @ApiParam(TAG_NAME_PARAM)
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'No such tag.' })
  delete(@CurrentProject() project: ProjectEntity, @Param('name') name: string): Promise<void> {
    return this.tags.delete(project.id, name);
  }
}
