import { TAG_TYPES, type TagType } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { tagNameProblems } from '../../users/dto/user-field-rules';
import { ValidatesWith } from '../../users/dto/user-field-rules';

export const MAX_TAG_DESCRIPTION_LENGTH = 1000;

export class CreateTagDto {
  @ApiProperty({ example: 'plan', minLength: 1, maxLength: 128 })
  @ValidatesWith('isTagName', tagNameProblems)
  name!: string;

  @ApiProperty({ enum: TAG_TYPES })
  @IsIn(TAG_TYPES, { message: `type must be one of ${TAG_TYPES.join(', ')}` })
  type!: TagType;

  @ApiProperty({ required: false, example: 'The subscription plan', maxLength: MAX_TAG_DESCRIPTION_LENGTH })
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(MAX_TAG_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_TAG_DESCRIPTION_LENGTH} characters long` })
  description?: string;
}
