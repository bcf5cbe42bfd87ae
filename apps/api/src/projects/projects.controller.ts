import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ProjectEntity } from '@engine/persistence';
import { Access, SignedIn } from '../auth/access.decorator';
import { type Actor } from '../auth/caller';
import { CurrentActor, CurrentProject, CurrentSession } from '../auth/current-project.decorator';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, ProjectDto, ProjectNameDto } from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('team')
@Controller('api/v1')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get('projects')
  @SignedIn()
  @ApiOperation({ summary: 'Your projects and your role in each' })
  @ApiOkResponse({ type: [ProjectDto] })
  list(@CurrentSession() actor: Actor & { kind: 'session' }): Promise<ProjectDto[]> {
    return this.projects.listMine(actor.accountId);
  }

  @Post('projects')
  @SignedIn()
  @ApiOperation({ summary: 'Create a project', description: 'You become its owner and your session switches to it.' })
  @ApiCreatedResponse({ type: ProjectDto })
  create(@CurrentSession() actor: Actor & { kind: 'session' }, @Body() dto: ProjectNameDto): Promise<ProjectDto> {
    return this.projects.create(actor, dto.name);
  }

  @Get('project')
  @Access('read')
  @ApiOperation({ summary: 'The project you work in (the API key\'s, or the one your session has chosen)' })
  @ApiOkResponse({ type: ProjectDto })
  current(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor): ProjectDto {
    return this.projects.describe(project, actor);
  }

  @Patch('project')
  @Access('manage')
  @ApiOperation({ summary: 'Rename the project' })
  @ApiOkResponse({ type: ProjectDto })
  rename(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Body() dto: ProjectNameDto): Promise<ProjectDto> {
    return this.projects.rename(project, actor, dto.name);
  }

  @Get('api-keys')
  @Access('manage')
  @ApiOperation({ summary: "The project's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: [ApiKeyDto] })
  listKeys(@CurrentProject() project: ProjectEntity): Promise<ApiKeyDto[]> {
    return this.projects.listKeys(project.id);
  }

  @Post('api-keys')
  @Access('manage')
  @ApiOperation({ summary: 'Create a named API key with a scope', description: 'The key is in this answer only; it is stored as a hash.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  createKey(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.projects.createKey(project.id, actor, dto.name, dto.scope);
  }

  @Delete('api-keys/:id')
  @Access('manage')
  @ApiOperation({ summary: 'Revoke an API key', description: 'Requests with it are refused from the next one on.' })
  @ApiOkResponse({ type: ApiKeyDto })
  revokeKey(
    @CurrentProject() project: ProjectEntity,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) id: string,
  ): Promise<ApiKeyDto> {
    return this.projects.revokeKey(project.id, actor, id);
  }
}
