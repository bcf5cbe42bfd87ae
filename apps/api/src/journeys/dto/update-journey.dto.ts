import { type JourneyGraph } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, ValidateIf } from 'class-validator';
import { IsDraftGraph } from './is-draft-graph';
import { ApiJourneyGraphProperty } from './journey-graph.api-property';
import { MAX_JOURNEY_NAME_LENGTH } from '@engine/journey';
import { IsJourneyName } from './journey-name';

const isGiven = (_dto: object, value: unknown): boolean => value !== undefined;

export class UpdateJourneyDto {
  @ApiProperty({ required: false, example: 'Welcome series', maxLength: MAX_JOURNEY_NAME_LENGTH })
  @ValidateIf(isGiven)
  @IsJourneyName()
  name?: string;

  @ApiJourneyGraphProperty({ required: false, description: 'The new draft graph (replaces the draft as a whole).' })
  @ValidateIf(isGiven)
  @IsDraftGraph()
  graph?: JourneyGraph;

  @ApiProperty({
    required: false,
    example: '2025-11-27T10:15:30.123Z',
    description:
      'The `revision` of the journey as last read. When given and the draft changed since, the update is refused ' +
      'with 409 instead of overwriting the other change.',
  })
  @ValidateIf(isGiven)
  @IsISO8601({ strict: true }, { message: 'revision must be the revision string of the journey as last read (an ISO 8601 timestamp)' })
  revision?: string;
}
