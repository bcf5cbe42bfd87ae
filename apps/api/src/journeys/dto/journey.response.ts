import { type JourneyGraph } from '@engine/journey';
import { JOURNEY_STATUSES, type JourneyStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';
import { ApiJourneyGraphProperty } from './journey-graph.api-property';
import { JourneyValidationDto } from './journey-validation.response';

const REVISION_DESCRIPTION =
  'Changes whenever the draft (name or graph) changes; send it back with an update to be told (409) about a concurrent edit.';

export class JourneySummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: JOURNEY_STATUSES })
  status!: JourneyStatus;

  @ApiProperty({ type: Number, nullable: true, description: 'The version new users enter; null until the first publish.' })
  liveVersionNumber!: number | null;

  @ApiProperty({ description: 'Users in the journey now (active instances, on any version).' })
  activeUsers!: number;

  @ApiProperty({ description: 'Conversion goals reached, over all versions.' })
  conversions!: number;

  @ApiProperty({ description: REVISION_DESCRIPTION })
  revision!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class JourneyDetailDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: JOURNEY_STATUSES })
  status!: JourneyStatus;

  @ApiProperty({ type: Number, nullable: true })
  liveVersionNumber!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  liveVersionId!: string | null;

  @ApiProperty({ type: [String], description: 'Events that start the live version.' })
  entryEvents!: string[];

  @ApiJourneyGraphProperty({ description: 'The draft graph (what the canvas edits).' })
  graph!: JourneyGraph;

  @ApiProperty({ type: JourneyValidationDto, description: 'The validation result of the draft.' })
  validation!: JourneyValidationDto;

  @ApiProperty({ description: REVISION_DESCRIPTION })
  revision!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class ArchivedJourneyDto extends JourneyDetailDto {
  @ApiProperty({ description: 'Users who were in the journey and were stopped by archiving it.' })
  stoppedInstances!: number;
}
