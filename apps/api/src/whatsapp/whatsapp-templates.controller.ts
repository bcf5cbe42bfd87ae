import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { CreateWhatsAppTemplateDto } from './dto/create-whatsapp-template.dto';
import { ListWhatsAppTemplatesQueryDto } from './dto/list-whatsapp-templates-query.dto';
import { UpdateWhatsAppTemplateStatusDto } from './dto/update-whatsapp-template-status.dto';
import { WhatsAppTemplateDto } from './dto/whatsapp-template.response';
import { ParseTemplateIdPipe } from './parse-template-id.pipe';
import { WhatsAppTemplatesService } from './whatsapp-templates.service';

const TEMPLATE_ID_PARAM = { name: 'id', format: 'uuid' };

@ApiTags('whatsapp')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/whatsapp/templates')
export class WhatsAppTemplatesController {
  constructor(private readonly templates: WhatsAppTemplatesService) {}

  @Post()
  @Access('edit')
  @ApiOperation({
    summary: 'Register a WhatsApp template',
    description: 'Record a template created in WhatsApp Manager, with its review status; journeys can be published only with approved templates.',
  })
  @ApiCreatedResponse({ type: WhatsAppTemplateDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed (the message names it).' })
  @ApiConflictResponse({ description: 'A template with this name and language is already registered.' })
  create(@CurrentProject() project: ProjectEntity, @Body() dto: CreateWhatsAppTemplateDto): Promise<WhatsAppTemplateDto> {
    return this.templates.create(project.id, dto);
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'List the registered templates by name and language' })
  @ApiOkResponse({ type: [WhatsAppTemplateDto] })
  list(@CurrentProject() project: ProjectEntity, @Query() query: ListWhatsAppTemplatesQueryDto): Promise<WhatsAppTemplateDto[]> {
    return this.templates.list(project.id, query);
  }

  @Patch(':id')
  @Access('edit')
  @ApiOperation({
    summary: "Record Meta's review status by hand (approved, rejected, paused, pending, disabled, deleted)",
    description: "Not needed once the WhatsApp channel has a businessAccountId and Meta's webhook is subscribed to message_template_status_update.",
  })
  @ApiParam(TEMPLATE_ID_PARAM)
  @ApiOkResponse({ type: WhatsAppTemplateDto })
  @ApiNotFoundResponse({ description: 'No such template in this project.' })
  setStatus(
    @CurrentProject() project: ProjectEntity,
    @Param('id', ParseTemplateIdPipe) id: string,
    @Body() dto: UpdateWhatsAppTemplateStatusDto,
  ): Promise<WhatsAppTemplateDto> {
    return this.templates.setStatus(project.id, id, dto.status);
  }

  @Delete(':id')
  @Access('edit')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a template from the registry', description: 'Live journeys keep sending it; publishing a journey that uses it is refused.' })
  @ApiParam(TEMPLATE_ID_PARAM)
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'No such template in this project.' })
  remove(@CurrentProject() project: ProjectEntity, @Param('id', ParseTemplateIdPipe) id: string): Promise<void> {
    return this.templates.remove(project.id, id);
  }
}
