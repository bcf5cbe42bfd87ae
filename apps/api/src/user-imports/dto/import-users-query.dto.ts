import { USER_IMPORT_FORMATS, type UserImportFormat } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { isPhoneCountry } from '@engine/journey';
import { ValidatesWith } from '../../users/dto/user-field-rules';

export class ImportUsersQueryDto {
  @ApiProperty({ enum: USER_IMPORT_FORMATS, description: 'csv: a header line naming the columns; ndjson: one JSON object per line.' })
  @IsIn(USER_IMPORT_FORMATS, { message: `format must be one of ${USER_IMPORT_FORMATS.join(', ')}` })
  format!: UserImportFormat;

  @ApiProperty({ required: false, example: 'DE', description: 'ISO 3166 alpha-2: the country of phone numbers written without + and country code.' })
  @IsOptional()
  @ValidatesWith('isPhoneCountry', (value, property) => (isPhoneCountry(value) ? [] : [`${property} must be an ISO 3166 alpha-2 country code such as DE or IN`]))
  defaultCountry?: string;
}
