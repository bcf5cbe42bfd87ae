import { ApiProperty } from '@nestjs/swagger';
import { JourneyProblemDto } from './journey-validation.response';

/** The 422 answer of a publish whose draft has errors. */
export class PublishRefusalDto {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ example: 'The journey has 2 problems' })
  message!: string;

  @ApiProperty({ type: [JourneyProblemDto], description: 'The errors that block publishing.' })
  problems!: JourneyProblemDto[];
}
