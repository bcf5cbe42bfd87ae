import { IsString } from 'class-validator';
import { type Condition } from '../../condition/condition';
import { type EntryEventData, type EntrySegmentData } from '../journey-graph';
import { IsCondition } from './decorators/is-condition';
import { IsOptionalProperty } from './decorators/optional-property';

export class EntryEventDataDto implements EntryEventData {
  @IsString()
  event!: string;

  @IsOptionalProperty()
  @IsCondition()
  where?: Condition;
}

export class EntrySegmentDataDto implements EntrySegmentData {
  @IsCondition()
  segment!: Condition;

  @IsOptionalProperty()
  @IsString()
  repeatEvery?: string;
}

// `entry.api` data has no fields: see `nodeDataDtoClass`.
