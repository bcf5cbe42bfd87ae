import { ApiProperty } from '@nestjs/swagger';
import { type RejectedEvent } from './parse-event-batch';

export class RejectedEventDto implements RejectedEvent {
  @ApiProperty({ description: 'Position of the event in the batch (0 for a single event).', example: 3 })
  index!: number;

  @ApiProperty({ type: [String], example: ['name must be a string'] })
  errors!: string[];
}

/** The 202 answer of POST /api/v1/events. */
export class TrackEventsResultDto {
  @ApiProperty({ description: 'Events stored (journeys react to them asynchronously).' })
  accepted!: number;

  @ApiProperty({ description: 'Events whose idempotencyKey was seen before: accepted and ignored.' })
  duplicates!: number;

  @ApiProperty({ type: [RejectedEventDto], description: 'Events of a batch refused, by index; the others were stored.' })
  rejected!: RejectedEventDto[];
}
