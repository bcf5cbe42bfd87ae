import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { type Condition } from '@engine/journey';

const CONDITION_SCHEMA = { type: 'object', additionalProperties: true, description: 'A condition of the condition language (see libs/journey/README.md), e.g. { "field": "tags.plan", "op": "eq", "value": "pro" }.' } as const;

// The condition keeps the plain value that was sent: it is checked by the segment compiler (422 naming its path).
const keepPlain = Transform(({ obj, key }) => (obj as Record<string, unknown>)[key], { toClassOnly: true });

export class CreateSegmentDto {
  @ApiProperty({ example: 'Ordered Asian food' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Users with an Order of cuisine asian in the last 90 days' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty(CONDITION_SCHEMA)
  @Allow()
  @keepPlain
  condition!: Condition;
}

export class UpdateSegmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional(CONDITION_SCHEMA)
  @Allow()
  @keepPlain
  condition?: Condition;
}

export class PreviewSegmentDto {
  @ApiProperty(CONDITION_SCHEMA)
  @Allow()
  @keepPlain
  condition!: Condition;
}

export class SegmentJourneyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() status!: string;
}

export class SegmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty(CONDITION_SCHEMA) condition!: Condition;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [SegmentJourneyDto], description: 'Journeys whose draft or live version refers to this segment.' })
  usedBy!: SegmentJourneyDto[];
}

export class SegmentUserDto {
  @ApiProperty({ description: 'Internal id (keyset cursor).' }) id!: string;
  @ApiProperty({ description: 'The customer’s own id.' }) externalId!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class SegmentPreviewDto {
  @ApiProperty({ description: 'Users of the project in the segment now.' }) count!: number;
  @ApiProperty({ type: [SegmentUserDto], description: 'Up to 20 of them.' }) sample!: SegmentUserDto[];
}

export class SegmentUsersPageDto {
  @ApiProperty({ type: [SegmentUserDto] }) users!: SegmentUserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) nextAfter!: string | null;
}

export class SegmentUsersQueryDto {
  @ApiPropertyOptional({ description: '1 to 1000, default 100' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @Allow()
  limit?: number;

  @ApiPropertyOptional({ description: 'The previous page’s nextAfter.' })
  @IsOptional()
  @IsString()
  after?: string;
}
