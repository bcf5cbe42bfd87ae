import { BadRequestException, UnprocessableEntityException, Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
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
import { CurrentProject } from '../auth/current-project.decorator';
import { ChecksPrototypeNamedKeysOfEachItem } from '../http/reject-prototype-named-keys.interceptor';
import { BatchUpsertUsersDto, MAX_USERS_PER_BATCH } from './dto/batch-upsert-users.dto';
import { BatchUpsertResultDto, UserDto, UserProfileDto } from './dto/user.response';
import { UserFieldsDto } from './dto/user-fields.dto';
import { parseUserBatch, reportedProblems } from './parse-user-batch';
import { ParseUserIdPipe } from './parse-user-id.pipe';
import { UserUpsertsService } from './user-upserts.service';
import { UsersService } from './users.service';

const USER_ID_PARAM = { name: 'userId', description: "The customer's own user id, URL-encoded.", example: 'user-42' };

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly upserts: UserUpsertsService,
  ) {}

  // Declared before `:userId` routes; "batch" as a user id is still reachable with PUT /users/batch.
  @Post('batch')
  @Access('ingest')
  @HttpCode(200)
  @ChecksPrototypeNamedKeysOfEachItem()
  @ApiOperation({
    summary: `Create or update up to ${MAX_USERS_PER_BATCH} users at once`,
    description:
      'The valid users are stored; the bad ones are left out and reported in `rejected` by index with what is wrong ' +
      '(`users[3].phone must be ...`), so fix and resend just those. 400 when no user is valid (nothing stored) or the ' +
      'body is not a batch. Entries naming the same user are applied in order.',
  })
  @ApiBody({ type: BatchUpsertUsersDto })
  @ApiOkResponse({ type: BatchUpsertResultDto, description: 'The valid users were stored; bad ones are listed in rejected.' })
  @ApiBadRequestResponse({ description: 'The body is not a batch, or no user in it is valid; nothing was stored.' })
  @ApiUnprocessableEntityResponse({ description: "Every valid user had a tag value of the wrong type for the tag catalogue; nothing was stored." })
  async upsertBatch(@CurrentProject() project: ProjectEntity, @Body() body: unknown): Promise<BatchUpsertResultDto> {
    const parsed = await parseUserBatch(body);
    if ('error' in parsed) throw new BadRequestException(parsed.error);
    if (parsed.users.length === 0) throw new BadRequestException({ message: reportedProblems(parsed.rejected), rejected: parsed.rejected });
    const { upserted, rejected } = await this.upserts.upsertBatch(project.id, parsed.users);
    const allRejected = [...parsed.rejected, ...rejected].sort((a, b) => a.index - b.index);
    if (upserted === 0) throw new UnprocessableEntityException({ message: reportedProblems(allRejected), rejected: allRejected });
    return { upserted, rejected: allRejected };
  }

  @Put(':userId')
  @Access('ingest')
  @ApiOperation({
    summary: 'Create or update a user',
    description:
      'Omitted fields keep their value; null clears email, phone, timeZone and language; tags and optIns are merged ' +
      '(a tag set to null is removed); pushTokens, when given, replace the list.',
  })
  @ApiParam(USER_ID_PARAM)
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'A field is malformed (the message names it).' })
  @ApiUnprocessableEntityResponse({ description: "A tag value does not fit the tag's type in the catalogue (the message names the user and the tag); nothing was stored." })
  upsert(
    @CurrentProject() project: ProjectEntity,
    @Param('userId', ParseUserIdPipe) userId: string,
    @Body() dto: UserFieldsDto,
  ): Promise<UserDto> {
    return this.upserts.upsertOne(project.id, userId, dto);
  }

  @Get(':userId')
  @Access('read')
  @ApiOperation({ summary: 'Get a user with its journeys and latest messages' })
  @ApiParam(USER_ID_PARAM)
  @ApiOkResponse({ type: UserProfileDto })
  @ApiNotFoundResponse({ description: 'No such user in this project.' })
  profile(@CurrentProject() project: ProjectEntity, @Param('userId', ParseUserIdPipe) userId: string): Promise<UserProfileDto> {
    return this.users.profile(project.id, userId);
  }

  @Delete(':userId')
  @Access('manage')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase a user (GDPR)',
    description: 'Deletes the user with its events, journey instances, pending effects and messages.',
  })
  @ApiParam(USER_ID_PARAM)
  @ApiNoContentResponse({ description: 'Erased.' })
  @ApiNotFoundResponse({ description: 'No such user in this project.' })
  erase(@CurrentProject() project: ProjectEntity, @Param('userId', ParseUserIdPipe) userId: string): Promise<void> {
    return this.users.erase(project.id, userId);
  }
}
