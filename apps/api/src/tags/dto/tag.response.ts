import { TAG_TYPES, type TagType } from '@engine/journey';
import { ApiProperty } from '@nestjs/swagger';

export class TagDefinitionDto {
  @ApiProperty({ example: 'plan' })
  name!: string;

  @ApiProperty({ enum: TAG_TYPES, description: 'Enforced on every write: API, import, update.tags steps. A list holds strings.' })
  type!: TagType;

  @ApiProperty({ example: 'The subscription plan' })
  description!: string;

  @ApiProperty()
  createdAt!: string;
}
