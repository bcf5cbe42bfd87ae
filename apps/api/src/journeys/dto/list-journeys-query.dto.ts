import { JOURNEY_STATUSES, type JourneyStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_JOURNEY_PAGE_SIZE = 500;

export class ListJourneysQueryDto {
  @ApiProperty({ required: false, enum: JOURNEY_STATUSES, description: 'Only journeys in this status.' })
  @IsOptional()
  @IsIn(JOURNEY_STATUSES, { message: `status must be one of ${JOURNEY_STATUSES.join(', ')}` })
  status?: JourneyStatus;

  @ApiProperty({ required: false, default: 100, minimum: 1, maximum: MAX_JOURNEY_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_JOURNEY_PAGE_SIZE, { message: `limit must be at most ${MAX_JOURNEY_PAGE_SIZE}` })
  limit?: number;

  @ApiProperty({ required: false, default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0, { message: 'offset must be at least 0' })
  @Max(1_000_000_000, { message: 'offset must be at most 1000000000' })
  offset?: number;
}
