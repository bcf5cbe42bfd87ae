import { IsString } from 'class-validator';
import { type Condition } from '../../condition/condition';
import { type EventMatch } from '../journey-graph';
import { IsCondition } from './decorators/is-condition';
import { IsOptionalProperty } from './decorators/optional-property';

/** An event name with optional conditions on its attributes (wait-for-event branches). */
export class EventMatchDto implements EventMatch {
  @IsString()
  event!: string;

  @IsOptionalProperty()
  @IsCondition()
  where?: Condition;
}
