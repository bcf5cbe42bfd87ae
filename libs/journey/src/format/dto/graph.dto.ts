import { Equals, IsNumber, IsObject, IsString } from 'class-validator';
import { type CanvasPosition, type JourneyEdge } from '../journey-graph';
import { NODE_TYPES, type NodeType } from '../node-types';
import { IsHandleId } from './decorators/is-handle-id';
import { IsOneOf } from './decorators/is-one-of';
import { NestedArray, NestedObject } from './decorators/nested-property';
import { IsOptionalProperty } from './decorators/optional-property';
import { JourneySettingsDto } from './settings.dto';

export class CanvasPositionDto implements CanvasPosition {
  @IsNumber({}, { message: '$property must be a number' })
  x!: number;

  @IsNumber({}, { message: '$property must be a number' })
  y!: number;
}

/**
 * The node envelope. `data` is only checked to be an object here: its DTO class depends on
 * `type` (see `nodeDataDtoClass`). Not `implements JourneyNode`: a class cannot implement a union.
 */
export class JourneyNodeDto {
  /** Becomes an XState state key. */
  @IsHandleId()
  id!: string;

  @IsOneOf(NODE_TYPES)
  type!: NodeType;

  @IsObject()
  data!: Record<string, unknown>;

  @NestedObject(() => CanvasPositionDto)
  position!: CanvasPositionDto;

  @IsOptionalProperty()
  @IsString()
  label?: string;
}

export class JourneyEdgeDto implements JourneyEdge {
  @IsString()
  id!: string;

  @IsString()
  source!: string;

  @IsString()
  sourceHandle!: string;

  @IsString()
  target!: string;
}

export class JourneyGraphDto {
  @Equals(1, { message: '$property must be 1' })
  formatVersion!: 1;

  @NestedArray(() => JourneyNodeDto)
  nodes!: JourneyNodeDto[];

  @NestedArray(() => JourneyEdgeDto)
  edges!: JourneyEdgeDto[];

  @NestedObject(() => JourneySettingsDto)
  settings!: JourneySettingsDto;
}
