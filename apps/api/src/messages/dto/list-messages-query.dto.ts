import { type Channel, CHANNELS } from '@engine/journey';
import { MESSAGE_STATUSES, type MessageStatus } from '@engine/persistence';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, Validate } from 'class-validator';
import { StorableTextRule } from '../../http/storable-json.rules';

export const MAX_MESSAGE_PAGE_SIZE = 500;

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ example: 'sandbox', description: 'Only messages of this provider: `sandbox` is the inbox of unconfigured channels.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Validate(StorableTextRule)
  provider?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES, { message: `status must be one of ${MESSAGE_STATUSES.join(', ')}` })
  status?: MessageStatus;

  @ApiPropertyOptional({ description: "Only this user's messages (the customer's own user id).", example: 'user-42' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  @Validate(StorableTextRule)
  userId?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_MESSAGE_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_MESSAGE_PAGE_SIZE, { message: `limit must be at most ${MAX_MESSAGE_PAGE_SIZE}` })
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The next page: messages older than this one (the `nextBefore` of the previous page).' })
  @IsOptional()
  @IsUUID('all', { message: 'before must be a message id (UUID), the nextBefore of the previous page' })
  before?: string;
}
