import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PROJECT_ROLES, type ProjectRole } from '@engine/persistence';

export class SignInDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto {
  @ApiPropertyOptional({ description: 'Required when the account already has a password.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  currentPassword?: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;
}

export class CompletePasswordResetDto {
  @ApiProperty({ description: 'The token of the reset link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

export class SignInWithLinkDto {
  @ApiProperty({ description: 'The token of the one-time sign-in link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;
}

export class SwitchProjectDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId!: string;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'False until the person sets a password (the first owner signs in by link).' }) hasPassword!: boolean;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROJECT_ROLES }) role!: ProjectRole;
}

export class SessionDto {
  @ApiProperty({ type: AccountDto }) account!: AccountDto;
  @ApiProperty({ description: 'Send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE made with this session.' })
  csrfToken!: string;
  @ApiProperty({ type: MembershipDto, nullable: true, description: 'The project the session works in.' })
  project!: MembershipDto | null;
  @ApiProperty({ type: [MembershipDto] }) projects!: MembershipDto[];
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token of the invitation link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({ description: 'For someone not signed in: the email of the account to create (or of their existing account).' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: "For someone not signed in: the new account's password (or their existing one)." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}

export class CreateInvitationDto {
  @ApiProperty({ enum: PROJECT_ROLES })
  @IsIn(PROJECT_ROLES, { message: `role must be one of ${PROJECT_ROLES.join(', ')}` })
  role!: ProjectRole;
}

export class InvitationDto {
  @ApiProperty({ description: 'Send this link to the person; it works once, for 7 days.' }) link!: string;
  @ApiProperty({ enum: PROJECT_ROLES }) role!: ProjectRole;
  @ApiProperty() expiresAt!: Date;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: PROJECT_ROLES }) role!: ProjectRole;
  @ApiProperty() createdAt!: Date;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: PROJECT_ROLES })
  @IsIn(PROJECT_ROLES, { message: `role must be one of ${PROJECT_ROLES.join(', ')}` })
  role!: ProjectRole;
}
