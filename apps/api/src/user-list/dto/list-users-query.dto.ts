import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export const MAX_USERS_PAGE_SIZE = 200;

export class ListUsersQueryDto {
  @ApiProperty({ required: false, description: 'A prefix of the user id, of the phone number (E.164, spaces and dashes ignored) or of the email (any case).', example: '+49151' })
  @IsOptional()
  @IsString({ message: 'search must be text' })
  @MinLength(1, { message: 'search must not be empty' })
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'With nodeId: only users currently at this step of this journey.' })
  @ValidateIf((query: ListUsersQueryDto) => query.journeyId !== undefined || query.nodeId !== undefined)
  @IsUUID('all', { message: 'journeyId must be a journey id (a UUID), given together with nodeId' })
  journeyId?: string;

  @ApiProperty({ required: false, description: 'With journeyId: the node (step) id.' })
  @ValidateIf((query: ListUsersQueryDto) => query.journeyId !== undefined || query.nodeId !== undefined)
  @IsString({ message: 'nodeId must be a node id, given together with journeyId' })
  @MinLength(1, { message: 'nodeId must be a node id, given together with journeyId' })
  @MaxLength(200, { message: 'nodeId must be at most 200 characters' })
  nodeId?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'Only users in this saved segment now.' })
  @IsOptional()
  @IsUUID('all', { message: 'segmentId must be a segment id (a UUID)' })
  segmentId?: string;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: MAX_USERS_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_USERS_PAGE_SIZE, { message: `limit must be at most ${MAX_USERS_PAGE_SIZE}` })
  limit?: number;

  @ApiProperty({ required: false, description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString({ message: 'cursor must be text' })
  @MaxLength(200, { message: 'cursor is not a cursor this API returned' })
  cursor?: string;
}
