import { type JourneyProblem, type JourneyValidationResult } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';

export class JourneyProblemDto implements JourneyProblem {
  @ApiProperty({ enum: ['error', 'warning'], description: '`error` blocks publishing; `warning` is shown but allowed.' })
  severity!: 'error' | 'warning';

  @ApiProperty({ example: 'unconnected-handle' })
  code!: string;

  @ApiProperty({ example: 'Node "Welcome push" (Send push): the "next" path is not connected.' })
  message!: string;

  @ApiProperty({ required: false })
  nodeId?: string;

  @ApiProperty({ required: false })
  edgeId?: string;

  @ApiProperty({ required: false, example: 'data.title' })
  field?: string;
}

export class JourneyValidationDto implements JourneyValidationResult {
  @ApiProperty({ description: 'No errors (warnings allowed).' })
  valid!: boolean;

  @ApiProperty({ type: [JourneyProblemDto] })
  problems!: JourneyProblemDto[];
}
