import { IsArray, IsInt, IsString } from 'class-validator';
import {
  type TagOperation,
  type UpdateTagsData,
  type WaitDelayData,
  type WaitEventBranch,
  type WaitEventData,
} from '../journey-graph';
import { EventMatchDto } from './condition.dto';
import { IsHandleId } from './decorators/is-handle-id';
import { IsOneOf } from './decorators/is-one-of';
import { IsTagValue } from './decorators/is-tag-value';
import { NestedArray } from './decorators/nested-property';
import { IsOptionalProperty } from './decorators/optional-property';

export class TagOperationDto implements TagOperation {
  @IsOneOf(['set', 'increment', 'remove'])
  op!: 'set' | 'increment' | 'remove';

  @IsString()
  tag!: string;

  @IsOptionalProperty()
  @IsTagValue()
  value?: string | number | boolean | null;
}

export class UpdateTagsDataDto implements UpdateTagsData {
  @NestedArray(() => TagOperationDto)
  operations!: TagOperationDto[];
}

export const WAIT_DELAY_MODES = ['duration', 'timeOfDay', 'date'] as const;

// `wait.delay` data is a union by `mode`: one DTO class per mode, so a field of another mode is
// reported as unknown (see `nodeDataDtoClass`).

export class WaitDelayDurationDataDto implements Extract<WaitDelayData, { mode: 'duration' }> {
  @IsOneOf(['duration'])
  mode!: 'duration';

  @IsString()
  duration!: string;
}

export class WaitDelayTimeOfDayDataDto implements Extract<WaitDelayData, { mode: 'timeOfDay' }> {
  @IsOneOf(['timeOfDay'])
  mode!: 'timeOfDay';

  @IsString()
  time!: string;

  @IsOptionalProperty()
  @IsArray()
  @IsInt({ each: true, message: 'each value in $property must be a whole number' })
  weekdays?: number[];

  @IsOptionalProperty()
  @IsString()
  timeZone?: string;
}

export class WaitDelayDateDataDto implements Extract<WaitDelayData, { mode: 'date' }> {
  @IsOneOf(['date'])
  mode!: 'date';

  @IsOptionalProperty()
  @IsString()
  date?: string;

  @IsOptionalProperty()
  @IsString()
  fromTag?: string;

  @IsOptionalProperty()
  @IsString()
  fromEventAttribute?: string;

  /** Signed duration, e.g. `-1d`. */
  @IsOptionalProperty()
  @IsString()
  offset?: string;
}

/** Used when `mode` itself is wrong: reports the mode, and accepts the fields of every mode. */
export class WaitDelayAnyModeDataDto {
  @IsOneOf(WAIT_DELAY_MODES)
  mode!: string;

  @IsOptionalProperty()
  @IsString()
  duration?: string;

  @IsOptionalProperty()
  @IsString()
  time?: string;

  @IsOptionalProperty()
  @IsArray()
  @IsInt({ each: true, message: 'each value in $property must be a whole number' })
  weekdays?: number[];

  @IsOptionalProperty()
  @IsString()
  timeZone?: string;

  @IsOptionalProperty()
  @IsString()
  date?: string;

  @IsOptionalProperty()
  @IsString()
  fromTag?: string;

  @IsOptionalProperty()
  @IsString()
  fromEventAttribute?: string;

  @IsOptionalProperty()
  @IsString()
  offset?: string;
}

export class WaitEventBranchDto implements WaitEventBranch {
  /** Handle id of the branch. */
  @IsHandleId()
  id!: string;

  @IsOptionalProperty()
  @IsString()
  label?: string;

  @NestedArray(() => EventMatchDto)
  events!: EventMatchDto[];
}

export class WaitEventDataDto implements WaitEventData {
  @NestedArray(() => WaitEventBranchDto)
  branches!: WaitEventBranchDto[];

  @IsString()
  timeout!: string;
}

// `exit` data has no fields: see `nodeDataDtoClass`.
