import { isBuiltInEvent } from '@engine/journey';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { StorableJsonRule, StorableTextRule } from '../http/storable-json.rules';

@ValidatorConstraint({ name: 'eventName' })
class EventNameRule implements ValidatorConstraintInterface {
  validate(name: unknown): boolean {
    if (typeof name !== 'string') return false;
    // PW_ events are the engine's own: only the built-in names may be sent with that prefix.
    if (name.startsWith('PW_')) return isBuiltInEvent(name);
    return !name.startsWith('journey.');
  }
  defaultMessage(): string {
    return 'name may not start with "journey." and may start with "PW_" only for built-in events (PW_PushOpened, PW_EmailOpened, ...)';
  }
}

@ValidatorConstraint({ name: 'timestamp' })
class TimestampRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return parseTimestamp(value) !== undefined;
  }
  defaultMessage(): string {
    return 'timestamp must be an ISO 8601 date-time (2026-11-27T10:00:00Z) or epoch milliseconds';
  }
}

export function parseTimestamp(value: unknown): Date | undefined {
  // Past 8.64e15 ms (year 275760) a Date is invalid, and PostgreSQL would refuse it anyway.
  const date = (typeof value === 'number' && value > 0) || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) ? new Date(value) : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date;
}

export class EventDto {
  @ApiProperty({ description: "The customer's id of the user; unknown users are created", example: 'user-42' })
  @IsString()
  @Length(1, 256)
  @Validate(StorableTextRule)
  userId!: string;

  @ApiProperty({ description: 'Event name: your own, or a built-in PW_ event', example: 'Purchase' })
  @IsString()
  @Length(1, 128)
  @Matches(/^\S(.*\S)?$/, { message: 'name must not start or end with spaces' })
  @Validate(EventNameRule)
  @Validate(StorableTextRule)
  name!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Attributes (JSON object, at most 64 KiB); keys named __proto__, constructor or prototype are refused at any depth', example: { amount: 42 } })
  @IsOptional()
  @IsObject()
  @Validate(StorableJsonRule)
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', format: 'date-time' }, { type: 'number' }],
    description: 'When it happened: ISO 8601 or epoch ms; defaults to now',
    example: '2026-11-27T10:00:00Z',
  })
  // Not @IsOptional, which would let null through: only a missing timestamp means now.
  @ValidateIf((_event: object, value: unknown) => value !== undefined)
  @Validate(TimestampRule)
  timestamp?: string | number;

  @ApiPropertyOptional({ description: 'A repeated key is accepted and ignored (unique per project)', example: 'order-1001' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  @Validate(StorableTextRule)
  idempotencyKey?: string;
}

export class EventBatchDto {
  @ApiProperty({ type: [EventDto], description: 'Up to 1 000 events' })
  events!: EventDto[];
}
