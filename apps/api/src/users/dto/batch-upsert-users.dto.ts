import { ApiProperty } from '@nestjs/swagger';
import { UserFieldsDto } from './user-fields.dto';
import { MAX_USER_ID_LENGTH, userIdProblems, ValidatesWith } from './user-field-rules';

export const MAX_USERS_PER_BATCH = 10_000;

export class BatchUserDto extends UserFieldsDto {
  @ApiProperty({ description: "The customer's own user id.", minLength: 1, maxLength: MAX_USER_ID_LENGTH, example: 'user-42' })
  @ValidatesWith('isUserId', userIdProblems)
  userId!: string;
}

/** The body of POST /users/batch, for the OpenAPI document: parseUserBatch checks it, user by user. */
export class BatchUpsertUsersDto {
  @ApiProperty({ type: [BatchUserDto], minItems: 1, maxItems: MAX_USERS_PER_BATCH })
  users!: BatchUserDto[];
}
