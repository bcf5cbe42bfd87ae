import { type JourneyGraph } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsDraftGraph } from './is-draft-graph';
import { ApiJourneyGraphProperty } from './journey-graph.api-property';
import { MAX_JOURNEY_NAME_LENGTH } from '@engine/journey';
import { IsJourneyName } from './journey-name';

export class CreateJourneyDto {
  @ApiProperty({ example: 'Welcome series', maxLength: MAX_JOURNEY_NAME_LENGTH })
  @IsJourneyName()
  name!: string;

  @ApiJourneyGraphProperty({ required: false, description: 'The draft graph; an empty graph when omitted.' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsDraftGraph()
  graph?: JourneyGraph;
}
