import { ApiProperty } from '@nestjs/swagger';

export class EventAttributeDto {
  @ApiProperty({ example: 'cuisine' })
  name!: string;

  @ApiProperty({ enum: ['string', 'number', 'boolean', 'date', 'list', 'object'], description: 'Inferred from the values received; `date` is a date-looking string.' })
  type!: string;

  @ApiProperty({ description: 'Events of this name that carried the attribute with this type.' })
  count!: number;

  @ApiProperty()
  firstSeenAt!: string;

  @ApiProperty()
  lastSeenAt!: string;
}

export class EventNameDto {
  @ApiProperty({ example: 'Purchase' })
  name!: string;

  @ApiProperty({ description: 'When the project first received an event of this name.' })
  firstSeenAt!: string;

  @ApiProperty({ description: 'When it last received one; refreshed at most hourly, so up to an hour behind.' })
  lastSeenAt!: string;

  @ApiProperty({ description: 'Events of this name received (retried duplicates included).' })
  count!: number;

  @ApiProperty({ type: [EventAttributeDto], description: 'Its attributes by name, then type (one attribute seen with two types is listed twice).' })
  attributes!: EventAttributeDto[];
}
