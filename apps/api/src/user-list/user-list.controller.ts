import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UserListDto } from './dto/user-list.response';
import { UserListService } from './user-list.service';

@ApiTags('users')
@Controller('api/v1/users')
export class UserListController {
  constructor(private readonly users: UserListService) {}

  @Get()
  @Access('read')
  @ApiOperation({
    summary: 'List users, last seen first',
    description:
      'Search by a prefix of the user id, phone number or email; `journeyId` with `nodeId` lists the users currently at that step; `segmentId` the users in a saved segment now. ' +
      'Keyset paging: pass `nextCursor` back as `cursor`.',
  })
  @ApiOkResponse({ type: UserListDto })
  @ApiBadRequestResponse({ description: 'A query parameter is malformed (the message names it).' })
  list(@CurrentProject() project: ProjectEntity, @Query() query: ListUsersQueryDto): Promise<UserListDto> {
    return this.users.list(project.id, query, new Date());
  }
}
