import { applyDecorators } from '@nestjs/common';
import { MAX_JOURNEY_NAME_LENGTH } from '@engine/journey';
import { IsString, Matches, MaxLength, NotContains } from 'class-validator';

/** A journey name: 1 to 200 characters, not only spaces. */
export function IsJourneyName(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'name must be a string' }),
    MaxLength(MAX_JOURNEY_NAME_LENGTH, { message: `name must be at most ${MAX_JOURNEY_NAME_LENGTH} characters long` }),
    Matches(/\S/, { message: 'name must not be empty or blank' }),
    NotContains('\u0000', { message: 'name must not contain the NUL character (\\u0000)' }),
    Matches(/^\P{Cs}*$/u, { message: 'name must be valid Unicode text (it contains an unpaired surrogate)' }),
  );
}
