import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope, PROJECT_ROLES, type ProjectRole } from '@engine/persistence';

export class ProjectNameDto {
  @ApiProperty({ example: 'Shop (staging)', maxLength: 100 })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROJECT_ROLES, nullable: true, description: "Your role (null for API keys)." }) role!: ProjectRole | null;
  @ApiProperty() createdAt!: Date;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Shop backend', maxLength: 100 })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, description: 'full: everything; ingest: post events, users and journey entries only; read: read only.' })
  @IsIn(API_KEY_SCOPES, { message: `scope must be one of ${API_KEY_SCOPES.join(', ')}` })
  scope!: ApiKeyScope;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_SCOPES }) scope!: ApiKeyScope;
  @ApiProperty({ description: 'The first characters of the key, to tell keys apart.', example: 'jk_Ab3d' }) prefix!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself: shown this once, stored only as a hash.', example: 'jk_...' }) key!: string;
}
