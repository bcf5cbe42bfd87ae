import { PUSH_TOKEN_PLATFORMS } from '../user-changes';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  NotContains,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NestedDto } from '../../http/nested-dto';
import { E164_PHONE, emailProblems, isLanguageTag, isTimeZone, tagProblems, ValidatesWith } from './user-field-rules';

const isGiven = (_dto: object, value: unknown): boolean => value !== undefined;
export const MAX_PUSH_TOKENS = 20;

export class PushTokenDto {
  @ApiProperty({ description: 'FCM registration token (android, ios) or Web Push subscription JSON (web).' })
  @IsString({ message: 'token must be a string' })
  @Length(1, 4096, { message: 'token must be 1 to 4096 characters long' })
  @NotContains('\u0000', { message: 'token must not contain the NUL character (\\u0000)' })
  @Matches(/^\P{Cs}*$/u, { message: 'token must be valid Unicode text (it contains an unpaired surrogate)' })
  token!: string;

  @ApiProperty({ enum: PUSH_TOKEN_PLATFORMS })
  @IsIn(PUSH_TOKEN_PLATFORMS, { message: `platform must be one of ${PUSH_TOKEN_PLATFORMS.join(', ')}` })
  platform!: (typeof PUSH_TOKEN_PLATFORMS)[number];
}

export class OptInsDto {
  @ApiProperty({ required: false })
  @ValidateIf(isGiven)
  @IsBoolean({ message: 'push must be true or false' })
  push?: boolean;

  @ApiProperty({ required: false })
  @ValidateIf(isGiven)
  @IsBoolean({ message: 'email must be true or false' })
  email?: boolean;

  @ApiProperty({ required: false })
  @ValidateIf(isGiven)
  @IsBoolean({ message: 'whatsapp must be true or false' })
  whatsapp?: boolean;

  @ApiProperty({ required: false })
  @ValidateIf(isGiven)
  @IsBoolean({ message: 'sms must be true or false' })
  sms?: boolean;
}

/**
 * Profile fields of an upsert. Omitted fields keep their value; `null` clears email, phone,
 * timeZone and language; tags and optIns are merged; pushTokens, when given, replace the list.
 */
export class UserFieldsDto {
  @ApiProperty({
    selfRequired: false,
    type: 'object',
    additionalProperties: true,
    example: { first_name: 'Ada', plan: 'pro', visits: 3, interests: ['shoes'], old_tag: null },
    description:
      'Merged into the existing tags; a tag set to null is removed. Values: string, number, boolean or a list of those. ' +
      'Tags named __proto__, constructor or prototype are refused.',
  })
  @ValidateIf(isGiven)
  @ValidatesWith('isTagMap', tagProblems)
  tags?: Record<string, unknown>;

  @ApiProperty({ required: false, type: String, nullable: true, example: 'ada@example.com' })
  @IsOptional()
  @ValidatesWith('isEmailAddress', emailProblems)
  @MaxLength(320, { message: 'email must be at most 320 characters long' })
  email?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, example: '+4915112345678', description: 'E.164' })
  @IsOptional()
  @Matches(E164_PHONE, { message: 'phone must be an E.164 number such as +4915112345678 (or null to remove it)' })
  phone?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsOptional()
  @ValidatesWith('isTimeZone', (value, property) =>
    isTimeZone(value) ? [] : [`${property} must be an IANA time zone such as Europe/Berlin (or null to remove it)`],
  )
  timeZone?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, example: 'en', description: 'BCP 47 language tag' })
  @IsOptional()
  @ValidatesWith('isLanguageTag', (value, property) =>
    isLanguageTag(value) ? [] : [`${property} must be a language tag such as en or pt-BR (or null to remove it)`],
  )
  language?: string | null;

  @ApiProperty({ required: false, type: OptInsDto, description: 'Merged: channels left out keep their value.' })
  @ValidateIf(isGiven)
  @IsObject({ message: 'optIns must be an object' })
  @ValidateNested()
  @NestedDto(OptInsDto)
  optIns?: OptInsDto;

  @ApiProperty({ required: false, type: [PushTokenDto], description: 'Replaces the list when given ([] removes every token).' })
  @ValidateIf(isGiven)
  @IsArray({ message: 'pushTokens must be an array' })
  @ArrayMaxSize(MAX_PUSH_TOKENS, { message: `pushTokens must have at most ${MAX_PUSH_TOKENS} tokens` })
  @ValidateNested({ each: true })
  @Type(() => PushTokenDto)
  pushTokens?: PushTokenDto[];
}
