import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { UserFieldsDto } from './user-fields.dto';
import { MAX_USER_ID_LENGTH, userIdProblems, ValidatesWith } from './user-field-rules';

export const MAX_USERS_PER_BATCH = 10_000;

export class BatchUserDto extends UserFieldsDto {
  @ApiProperty({ description: "The customer's own user id.", minLength: 1, maxLength: MAX_USER_ID_LENGTH, example: 'user-42' })
  @ValidatesWith('isUserId', userIdProblems)
  userId!: string;
}

export class BatchUpsertUsersDto {
  /**
   * Checked one by one by the service (not with @ValidateNested) so problems name the index:
   * `users[3].phone must be ...`.
   */
  @ApiProperty({ type: [BatchUserDto], minItems: 1, maxItems: MAX_USERS_PER_BATCH })
  @IsArray({ message: 'users must be an array' })
  @ArrayMinSize(1, { message: 'users must contain at least 1 user' })
  @ArrayMaxSize(MAX_USERS_PER_BATCH, { message: `users must contain at most ${MAX_USERS_PER_BATCH} users; split larger imports into several batches` })
  users!: unknown[];
}
