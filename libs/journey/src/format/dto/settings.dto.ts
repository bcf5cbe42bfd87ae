import { IsArray, IsBoolean, IsInt, IsString } from 'class-validator';
import { type Condition } from '../../condition/condition';
import {
  type ChannelThrottle,
  type ConversionGoal,
  type FrequencyCap,
  type JourneySettings,
  type ReentryPolicy,
  type SilentHours,
  type SilentWindow,
} from '../journey-graph';
import { CHANNELS, USER_CHANNELS, type Channel, type UserChannel } from '../node-types';
import { IsCondition } from './decorators/is-condition';
import { IsOneOf } from './decorators/is-one-of';
import { NestedArray, NestedObject } from './decorators/nested-property';
import { IsOptionalProperty } from './decorators/optional-property';

// Durations, time zones, times and ranges are settings rules (validate/rules/), not type errors.

export class ConversionGoalDto implements ConversionGoal {
  @IsString()
  id!: string;

  @IsOptionalProperty()
  @IsString()
  name?: string;

  @IsString()
  event!: string;

  @IsOptionalProperty()
  @IsCondition()
  where?: Condition;

  @IsString()
  period!: string;

  @IsBoolean()
  endsJourney!: boolean;
}

export class ReentryPolicyDto implements ReentryPolicy {
  @IsOneOf(['never', 'afterExit', 'always', 'cooldown'])
  mode!: 'never' | 'afterExit' | 'always' | 'cooldown';

  @IsOptionalProperty()
  @IsString()
  cooldown?: string;
}

export class SilentWindowDto implements SilentWindow {
  @IsArray()
  @IsInt({ each: true, message: 'each value in $property must be a whole number' })
  weekdays!: number[];

  @IsString()
  from!: string;

  @IsString()
  to!: string;
}

export class SilentHoursDto implements SilentHours {
  @IsArray()
  @IsOneOf(USER_CHANNELS, { each: true })
  channels!: UserChannel[];

  @NestedArray(() => SilentWindowDto)
  windows!: SilentWindowDto[];

  @IsString()
  fallbackTimeZone!: string;
}

export class FrequencyCapDto implements FrequencyCap {
  @IsInt({ message: '$property must be a whole number' })
  maxMessages!: number;

  @IsString()
  period!: string;

  @IsArray()
  @IsOneOf(USER_CHANNELS, { each: true })
  channels!: UserChannel[];
}

export class ChannelThrottleDto implements ChannelThrottle {
  @IsOneOf(CHANNELS)
  channel!: Channel;

  @IsInt({ message: '$property must be a whole number' })
  limit!: number;

  @IsString()
  per!: string;
}

export class JourneySettingsDto implements JourneySettings {
  @NestedArray(() => ConversionGoalDto)
  goals!: ConversionGoalDto[];

  @NestedObject(() => ReentryPolicyDto)
  reentry!: ReentryPolicyDto;

  @IsOptionalProperty()
  @NestedObject(() => SilentHoursDto)
  silentHours?: SilentHoursDto;

  @IsOptionalProperty()
  @NestedObject(() => FrequencyCapDto)
  frequencyCap?: FrequencyCapDto;

  @NestedArray(() => ChannelThrottleDto)
  throttling!: ChannelThrottleDto[];
}
