import { TAG_TYPES, type TagType } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_TAG_DESCRIPTION_LENGTH } from './create-tag.dto';

export class UpdateTagDto {
  @ApiProperty({ required: false, enum: TAG_TYPES, description: 'Refused (409) while users hold values of another type.' })
  @IsOptional()
  @IsIn(TAG_TYPES, { message: `type must be one of ${TAG_TYPES.join(', ')}` })
  type?: TagType;

  @ApiProperty({ required: false, maxLength: MAX_TAG_DESCRIPTION_LENGTH })
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(MAX_TAG_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_TAG_DESCRIPTION_LENGTH} characters long` })
  description?: string;
}
