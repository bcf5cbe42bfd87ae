import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { ListMessagesQueryDto } from './dto/list-messages-query.dto';
import { MessagePageDto } from './dto/message.response';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @Access('read')
  @ApiOperation({
    summary: 'Messages sent by journeys, newest first',
    description: '`provider=sandbox` is the sandbox inbox: what unconfigured channels would have sent. Page with `before` = the previous `nextBefore`.',
  })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiBadRequestResponse({ description: 'A filter is malformed (the message names it).' })
  list(@CurrentProject() project: ProjectEntity, @Query() query: ListMessagesQueryDto): Promise<MessagePageDto> {
    return this.messages.list(project.id, query);
  }
}
