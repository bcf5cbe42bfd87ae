import { ApiProperty } from '@nestjs/swagger';

export class UserListItemDto {
  @ApiProperty({ example: 'user-42' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ description: 'When the user was last seen (their profile or an event last changed it).' })
  lastSeenAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserListItemDto], description: 'Last seen first.' })
  users!: UserListItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page.' })
  nextCursor!: string | null;
}
