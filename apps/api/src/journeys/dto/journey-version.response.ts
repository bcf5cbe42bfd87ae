import { type JourneyGraph } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';
import { ApiJourneyGraphProperty } from './journey-graph.api-property';
import { JourneyProblemDto } from './journey-validation.response';

export class JourneyVersionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  journeyId!: string;

  @ApiProperty({ example: 3 })
  version!: number;

  @ApiProperty({ description: 'Hash of the compiled graph.' })
  compiledHash!: string;

  @ApiProperty({ description: 'This is the version new users enter.' })
  live!: boolean;

  @ApiProperty()
  publishedAt!: string;
}

export class JourneyVersionDto extends JourneyVersionSummaryDto {
  @ApiJourneyGraphProperty({ description: 'The published graph (immutable).' })
  graph!: JourneyGraph;
}

export class PublishedJourneyVersionDto extends JourneyVersionDto {
  @ApiProperty({ type: [JourneyProblemDto], description: 'Warnings of the published graph (they do not block publishing).' })
  warnings!: JourneyProblemDto[];
}
