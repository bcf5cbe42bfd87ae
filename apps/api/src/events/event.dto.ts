import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { storableJsonProblems, textProblem } from '../http/storable-json';

/** Events that start with PW_ are the engine's own; only those names may be sent with that prefix. */
const BUILT_IN_EVENT_NAMES = new Set([
  'PW_WhatsAppReceived',
  'PW_WhatsAppDelivered',
  'PW_WhatsAppRead',
  'PW_WhatsAppFailed',
  'PW_PushOpened',
  'PW_EmailOpened',
  'PW_EmailClicked',
]);

@ValidatorConstraint({ name: 'eventName' })
class EventNameRule implements ValidatorConstraintInterface {
  validate(name: unknown): boolean {
    if (typeof name !== 'string') return false;
    if (name.startsWith('PW_')) return BUILT_IN_EVENT_NAMES.has(name);
    return !name.startsWith('journey.');
  }
  defaultMessage(): string {
    return 'name may not start with "journey." and may start with "PW_" only for built-in events (PW_PushOpened, PW_EmailOpened, ...)';
  }
}

const MAX_ATTRIBUTES_BYTES = 64 * 1024;

@ValidatorConstraint({ name: 'attributesStorable' })
class StorableAttributesRule implements ValidatorConstraintInterface {
  validate(attributes: unknown, args: ValidationArguments): boolean {
    return this.problem(attributes, args) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value, args) ?? '';
  }
  private problem(attributes: unknown, args: ValidationArguments): string | undefined {
    const [depthOrText] = storableJsonProblems(attributes, args.property);
    if (depthOrText) return depthOrText;
    if (JSON.stringify(attributes ?? {}).length > MAX_ATTRIBUTES_BYTES) return `${args.property} must be at most 64 KiB as JSON`;
    return undefined;
  }
}

@ValidatorConstraint({ name: 'storableText' })
class StorableTextRule implements ValidatorConstraintInterface {
  validate(text: unknown, args: ValidationArguments): boolean {
    return typeof text !== 'string' || textProblem(text, args.property) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return textProblem(String(args.value), args.property) ?? '';
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
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return new Date(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
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

  @ApiPropertyOptional({ description: 'Attributes (JSON object, at most 64 KiB)', example: { amount: 42 } })
  @IsOptional()
  @IsObject()
  @Validate(StorableAttributesRule)
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'When it happened: ISO 8601 or epoch ms; defaults to now', example: '2026-11-27T10:00:00Z' })
  @IsOptional()
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
