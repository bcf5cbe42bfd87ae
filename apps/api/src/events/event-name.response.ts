import { ApiProperty } from '@nestjs/swagger';

export class EventNameDto {
  @ApiProperty({ example: 'Purchase' })
  name!: string;

  @ApiProperty({ description: 'When the project first received an event of this name.' })
  firstSeenAt!: string;

  @ApiProperty({ description: 'When it last received one; refreshed at most hourly, so up to an hour behind.' })
  lastSeenAt!: string;
}
