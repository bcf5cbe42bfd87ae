import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, Length, Validate, ValidateNested } from 'class-validator';
import { StorableJsonRule, StorableTextRule } from '../http/storable-json.rules';

export class JourneyEntryDto {
  @ApiProperty({ description: "The customer's id of the user; unknown users are created", example: 'user-42' })
  @IsString()
  @Length(1, 256)
  @Validate(StorableTextRule)
  userId!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Attributes available to the journey as event.* (conditions, placeholders)', example: { orderId: 'A-1' } })
  @IsOptional()
  @IsObject()
  @Validate(StorableJsonRule)
  attributes?: Record<string, unknown>;
}

export class JourneyEntriesDto {
  @ApiProperty({ type: [JourneyEntryDto], description: 'Up to 1 000 users to enter' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => JourneyEntryDto)
  users!: JourneyEntryDto[];

  @ApiPropertyOptional({ description: 'Which API entry node, when the journey has several' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  entryNodeId?: string;
}
