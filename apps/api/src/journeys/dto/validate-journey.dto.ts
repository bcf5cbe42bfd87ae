import { ValidateIf } from 'class-validator';
import { IsGraphToValidate } from './is-draft-graph';
import { ApiJourneyGraphProperty } from './journey-graph.api-property';

export class ValidateJourneyDto {
  @ApiJourneyGraphProperty({ required: false, description: 'A graph to validate instead of the stored draft (nothing is saved).' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsGraphToValidate()
  graph?: unknown;
}
