import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_STORY_EVENTS = 200;

export class UserStoryQueryDto {
  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: MAX_STORY_EVENTS, description: 'How many events of the timeline.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'eventsLimit must be an integer' })
  @Min(1, { message: 'eventsLimit must be at least 1' })
  @Max(MAX_STORY_EVENTS, { message: `eventsLimit must be at most ${MAX_STORY_EVENTS}` })
  eventsLimit?: number;

  @ApiProperty({ required: false, description: 'eventsNextCursor of the previous answer: older events.' })
  @IsOptional()
  @IsString({ message: 'eventsCursor must be text' })
  @MaxLength(200, { message: 'eventsCursor is not a cursor this API returned' })
  eventsCursor?: string;
}
