import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath, ApiExtraModels, ApiResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IngestEvents } from '@engine/execution';
import { type ProjectEntity } from '@engine/persistence';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { ChecksPrototypeNamedKeysOfEachItem } from '../http/reject-prototype-named-keys.interceptor';
import { EventBatchDto, EventDto } from './event.dto';
import { EventNameDto } from './event-name.response';
import { EventNamesService } from './event-names.service';
import { parseEventBatch } from './parse-event-batch';
import { TrackEventsResultDto } from './track-events-result.response';

@ApiTags('events')
@ApiBearerAuth()
@ApiExtraModels(EventDto, EventBatchDto)
@Controller('api/v1/events')
export class EventsController {
  constructor(
    private readonly ingest: IngestEvents,
    private readonly eventNames: EventNamesService,
  ) {}

  @Post()
  @Access('ingest')
  @HttpCode(202)
  @ChecksPrototypeNamedKeysOfEachItem()
  @ApiOperation({
    summary: 'Track one event or a batch of up to 1 000',
    description:
      'Answers 202 once the events are stored durably; journeys react asynchronously. In a batch, good events are stored and bad ones reported by index. A repeated idempotencyKey is accepted and ignored.',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(EventDto) }, { $ref: getSchemaPath(EventBatchDto) }] } })
  @ApiResponse({ status: 202, type: TrackEventsResultDto, description: 'Stored; bad events of a batch reported by index.' })
  async track(@CurrentProject() project: ProjectEntity, @Body() body: unknown): Promise<TrackEventsResultDto> {
    const parsed = parseEventBatch(body, new Date());
    if ('error' in parsed) throw new BadRequestException(parsed.error);
    if (parsed.events.length === 0) {
      throw new BadRequestException({ message: parsed.rejected.flatMap((r) => r.errors), rejected: parsed.rejected });
    }
    const result = await this.ingest.ingest(project.id, parsed.events);
    return { ...result, rejected: parsed.rejected };
  }

  @Get('names')
  @Access('read')
  @ApiOperation({
    summary: 'The events catalogue: event names this project has received, sorted by name, with counts and attribute types',
    description: 'Every name ever tracked, built-in PW_ events included, with when it was first and last received.',
  })
  @ApiOkResponse({ type: [EventNameDto] })
  @ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
  names(@CurrentProject() project: ProjectEntity): Promise<EventNameDto[]> {
    return this.eventNames.list(project.id);
  }
}
