import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags, getSchemaPath, ApiExtraModels, ApiResponse } from '@nestjs/swagger';
import { IngestEvents } from '@engine/execution';
import { type ProjectEntity } from '@engine/persistence';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentProject } from '../auth/current-project.decorator';
import { EventBatchDto, EventDto } from './event.dto';
import { parseEventBatch, type RejectedEvent } from './parse-event-batch';

@ApiTags('events')
@ApiBearerAuth()
@ApiExtraModels(EventDto, EventBatchDto)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly ingest: IngestEvents) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Track one event or a batch of up to 1 000',
    description:
      'Answers 202 once the events are stored durably; journeys react asynchronously. In a batch, good events are stored and bad ones reported by index. A repeated idempotencyKey is accepted and ignored.',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(EventDto) }, { $ref: getSchemaPath(EventBatchDto) }] } })
  @ApiResponse({ status: 202, description: '{ accepted, duplicates, rejected: [{ index, errors }] }' })
  async track(@CurrentProject() project: ProjectEntity, @Body() body: unknown): Promise<{ accepted: number; duplicates: number; rejected: RejectedEvent[] }> {
    const parsed = parseEventBatch(body, new Date());
    if ('error' in parsed) throw new BadRequestException(parsed.error);
    if (parsed.events.length === 0) {
      throw new BadRequestException({ message: parsed.rejected.flatMap((r) => r.errors), rejected: parsed.rejected });
    }
    const result = await this.ingest.execute(project.id, parsed.events);
    return { ...result, rejected: parsed.rejected };
  }
}
