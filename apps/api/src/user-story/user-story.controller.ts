import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { ParseUserIdPipe } from '../users/parse-user-id.pipe';
import { UserStoryDto } from './dto/user-story.response';
import { UserStoryQueryDto } from './dto/user-story-query.dto';
import { UserStoryService } from './user-story.service';

@ApiTags('users')
@Controller('api/v1/users')
export class UserStoryController {
  constructor(private readonly stories: UserStoryService) {}

  @Get(':userId/story')
  @Access('read')
  @ApiOperation({
    summary: "A user's story: why did (or didn't) they get the message?",
    description:
      'Profile, tags, channels and consent; the latest events (keyset paging with eventsCursor); and per journey the user was in ' +
      '(newest first) each step with its time and outcome, and each send with its statuses and, when not sent, the reason in words.',
  })
  @ApiParam({ name: 'userId', description: "The customer's own user id, URL-encoded.", example: 'user-42' })
  @ApiOkResponse({ type: UserStoryDto })
  @ApiBadRequestResponse({ description: 'A query parameter is malformed (the message names it).' })
  @ApiNotFoundResponse({ description: 'No such user in this project.' })
  story(@CurrentProject() project: ProjectEntity, @Param('userId', ParseUserIdPipe) userId: string, @Query() query: UserStoryQueryDto): Promise<UserStoryDto> {
    return this.stories.story(project.id, userId, query, Date.now());
  }
}
