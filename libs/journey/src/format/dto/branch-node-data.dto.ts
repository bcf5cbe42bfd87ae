import { IsNumber, IsString } from 'class-validator';
import { type Condition } from '../../condition/condition';
import {
  ENGAGEMENT_METRICS,
  type BranchConditionData,
  type BranchEngagementData,
  type BranchReachabilityData,
  type BranchSplitData,
  type EngagementMetric,
  type SplitVariant,
} from '../journey-graph';
import { USER_CHANNELS, type UserChannel } from '../node-types';
import { IsCondition } from './decorators/is-condition';
import { IsHandleId } from './decorators/is-handle-id';
import { IsOneOf } from './decorators/is-one-of';
import { NestedArray } from './decorators/nested-property';
import { IsOptionalProperty } from './decorators/optional-property';

export class BranchEngagementDataDto implements BranchEngagementData {
  @IsString()
  sendNodeId!: string;

  @IsOneOf(ENGAGEMENT_METRICS)
  metric!: EngagementMetric;

  @IsString()
  window!: string;
}

export class BranchConditionDataDto implements BranchConditionData {
  @IsCondition()
  condition!: Condition;
}

export class SplitVariantDto implements SplitVariant {
  /** Handle id of the variant. */
  @IsHandleId()
  id!: string;

  @IsOptionalProperty()
  @IsString()
  label?: string;

  // Sign and sum are split rules (validate/rules/split-rules.ts).
  @IsNumber({}, { message: '$property must be a number' })
  percent!: number;
}

export class BranchSplitDataDto implements BranchSplitData {
  @NestedArray(() => SplitVariantDto)
  variants!: SplitVariantDto[];
}

export class BranchReachabilityDataDto implements BranchReachabilityData {
  @IsOneOf(USER_CHANNELS)
  channel!: UserChannel;
}
