import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiGoneResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type ProjectEntity } from '@engine/persistence';
import { type Response } from 'express';
import { Access, PublicOrSignedIn } from '../auth/access.decorator';
import { type Actor, type ProjectRequest } from '../auth/caller';
import { CurrentActor, CurrentProject } from '../auth/current-project.decorator';
import { AccountsService } from './accounts.service';
import { AcceptInvitationDto, ChangeMemberRoleDto, CreateInvitationDto, InvitationDto, MemberDto } from './dto/auth.dto';
import { MembersService } from './members.service';
import { setSessionCookies } from './session-cookies';


export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid', description: 'The project joined; the session now works in it.' }) projectId!: string;
}

@ApiTags('team')
@Controller('api/v1')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly accounts: AccountsService,
  ) {}

  @Get('members')
  @Access('manage')
  @ApiOperation({ summary: "The project's members and their roles (owners only)" })
  @ApiOkResponse({ type: [MemberDto] })
  list(@CurrentProject() project: ProjectEntity): Promise<MemberDto[]> {
    return this.members.list(project.id);
  }

  @Patch('members/:accountId')
  @Access('manage')
  @ApiOperation({ summary: "Change a member's role", description: 'A project keeps at least one owner (409).' })
  @ApiOkResponse({ type: MemberDto })
  changeRole(
    @CurrentProject() project: ProjectEntity,
    @CurrentActor() actor: Actor,
    @Param('accountId', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) accountId: string,
    @Body() dto: ChangeMemberRoleDto,
  ): Promise<MemberDto> {
    return this.members.changeRole(project.id, actor, accountId, dto.role);
  }

  @Delete('members/:accountId')
  @Access('manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member from the project', description: 'Takes effect on their next request. A project keeps at least one owner (409).' })
  @ApiNoContentResponse({ description: 'Removed.' })
  remove(
    @CurrentProject() project: ProjectEntity,
    @CurrentActor() actor: Actor,
    @Param('accountId', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) accountId: string,
  ): Promise<void> {
    return this.members.remove(project.id, actor, accountId);
  }

  @Post('invitations')
  @Access('manage')
  @ApiOperation({ summary: 'Invite someone with a role: returns a link that works once, for 7 days' })
  @ApiCreatedResponse({ type: InvitationDto })
  invite(@CurrentProject() project: ProjectEntity, @CurrentActor() actor: Actor, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.members.invite(project.id, actor, dto.role);
  }

  @Post('invitations/accept')
  @PublicOrSignedIn()
  @ApiOperation({
    summary: 'Accept an invitation',
    description: 'Signed in: joins as yourself (send the X-CSRF-Token header). Otherwise send email and password: a new account is created (or your existing one used) and signed in.',
  })
  @ApiCreatedResponse({ type: AcceptedInvitationDto })
  @ApiGoneResponse({ description: 'The invitation expired or was already used.' })
  async accept(@Body() dto: AcceptInvitationDto, @Req() request: ProjectRequest, @Res({ passthrough: true }) response: Response): Promise<AcceptedInvitationDto> {
    const result = await this.members.accept(dto, request.actor);
    if (result.session) setSessionCookies(response, result.session, this.accounts.secureCookies);
    return { projectId: result.projectId };
  }
}
