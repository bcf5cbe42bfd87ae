import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Post, Put, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { Public, SignedIn } from '../auth/access.decorator';
import { type Actor } from '../auth/caller';
import { CurrentSession } from '../auth/current-project.decorator';
import { AccountsService } from './accounts.service';
import {
  ChangePasswordDto,
  CompletePasswordResetDto,
  RequestPasswordResetDto,
  SessionDto,
  SignInDto,
  SignInWithLinkDto,
  SwitchProjectDto,
} from './dto/auth.dto';
import { clearSessionCookies, setSessionCookies } from './session-cookies';

type SessionActor = Actor & { kind: 'session' };

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('sign-in')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign in with email and password', description: 'Sets the httpOnly session cookie and the CSRF cookie. At most 5 failed attempts per email in 15 minutes.' })
  @ApiNoContentResponse({ description: 'Signed in.' })
  @ApiResponse({ status: 401, description: 'Wrong email or password.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts: wait (Retry-After) or reset the password.' })
  async signIn(@Body() dto: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const result = await this.accounts.signIn(dto.email, dto.password, request.ip ?? 'unknown');
    if (result.kind === 'throttled') {
      response.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpException('Too many failed sign-in attempts: try again later or reset the password', HttpStatus.TOO_MANY_REQUESTS);
    }
    if (result.kind === 'wrong') throw new UnauthorizedException('Wrong email or password');
    setSessionCookies(response, result.session, this.accounts.secureCookies);
  }

  @Post('sign-in/link')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign in with a one-time link', description: 'The token of a link printed at the first start.' })
  @ApiNoContentResponse({ description: 'Signed in.' })
  @ApiGoneResponse({ description: 'The link expired or was already used.' })
  async signInWithLink(@Body() dto: SignInWithLinkDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    setSessionCookies(response, await this.accounts.signInWithLink(dto.token), this.accounts.secureCookies);
  }

  @Get('link')
  @Public()
  @ApiOperation({ summary: 'Open a one-time sign-in link', description: 'Signs in and redirects to the web app (303).' })
  @ApiQuery({ name: 'token', required: true })
  @ApiResponse({ status: 303, description: 'Signed in; on to the web app.' })
  @ApiGoneResponse({ description: 'The link expired or was already used.' })
  async openLink(@Query('token') token: unknown, @Res() response: Response): Promise<void> {
    if (typeof token !== 'string' || token === '') throw new HttpException('token is required', HttpStatus.BAD_REQUEST);
    setSessionCookies(response, await this.accounts.signInWithLink(token), this.accounts.secureCookies);
    response.redirect(303, '/');
  }

  @Post('sign-out')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out (ends this session)' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  async signOut(@CurrentSession() actor: SessionActor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.accounts.signOut(actor);
    clearSessionCookies(response, this.accounts.secureCookies);
  }

  @Get('session')
  @SignedIn()
  @ApiOperation({ summary: 'Who is signed in, their projects, the project they work in and the CSRF token' })
  @ApiOkResponse({ type: SessionDto })
  session(@CurrentSession() actor: SessionActor): Promise<SessionDto> {
    return this.accounts.describeSession(actor);
  }

  @Put('session/project')
  @SignedIn()
  @ApiOperation({ summary: 'Switch to another of your projects' })
  @ApiOkResponse({ type: SessionDto })
  switchProject(@CurrentSession() actor: SessionActor, @Body() dto: SwitchProjectDto): Promise<SessionDto> {
    return this.accounts.switchProject(actor, dto.projectId);
  }

  @Post('password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password', description: 'Signs out your other sessions.' })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiBadRequestResponse({ description: 'The current password is wrong or the new one too weak.' })
  changePassword(@CurrentSession() actor: SessionActor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.accounts.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password reset link', description: 'The link (valid one hour, once) is written to the server log. The answer is the same for unknown emails.' })
  @ApiAcceptedResponse({ description: 'If the account exists, a link was made.' })
  async requestPasswordReset(@Body() dto: RequestPasswordResetDto): Promise<void> {
    await this.accounts.requestPasswordReset(dto.email);
  }

  @Post('password-reset/complete')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a reset link', description: 'Signs the account out everywhere.' })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it.' })
  @ApiGoneResponse({ description: 'The link expired or was already used.' })
  completePasswordReset(@Body() dto: CompletePasswordResetDto): Promise<void> {
    return this.accounts.completePasswordReset(dto.token, dto.newPassword);
  }
}
