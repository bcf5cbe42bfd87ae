import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LaunchSegment, StopJourneyInstances } from '@engine/execution';
import { compileJourney, type JourneyGraph, validateJourney } from '@engine/journey';
import { type JourneyEntity, type JourneyStatus, JourneyStore } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { WhatsAppTemplatesService } from '../whatsapp/whatsapp-templates.service';
import { type ArchivedJourneyDto, type JourneyDetailDto } from './dto/journey.response';
import { type PublishedJourneyVersionDto } from './dto/journey-version.response';
import { findProjectJourney } from './find-project-journey';
import { JourneysService } from './journeys.service';

const STATUS_IN_WORDS: Record<JourneyStatus, string> = {
  draft: 'a draft',
  live: 'live',
  paused: 'paused',
  archived: 'archived',
};

/** Publishing and the status machine: draft -> live <-> paused, anything -> archived. */
@Injectable()
export class JourneyLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly segments: LaunchSegment,
    private readonly instances: StopJourneyInstances,
    private readonly whatsAppTemplates: WhatsAppTemplatesService,
  ) {}

  /**
   * Freezes the draft as the next immutable version and makes it the one new users enter, all in
   * one transaction; the journey row stays locked so concurrent publishes get consecutive numbers.
   */
  async publish(projectId: string, journeyId: string): Promise<PublishedJourneyVersionDto> {
    const published = await this.dataSource.transaction(async (manager): Promise<PublishedJourneyVersionDto> => {
      const journey = await findProjectJourney(manager, projectId, journeyId, { lock: true });
      if (journey.status === 'archived') {
        throw new ConflictException('The journey is archived and cannot be published; duplicate it to publish a copy');
      }
      const validation = validateJourney(journey.draftGraph);
      // Meta refuses sends of templates it has not approved: caught here, not at the first send.
      const templateProblems = await this.whatsAppTemplates.publishProblems(manager, projectId, journey.draftGraph);
      const errors = [...validation.problems.filter((problem) => problem.severity === 'error'), ...templateProblems];
      if (errors.length > 0) {
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: `The journey has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`,
          problems: errors,
        });
      }
      const graph = journey.draftGraph;
      const { hash } = compileJourney(graph);
      const version = await JourneyStore.publishVersion(manager, { projectId, journeyId, graph, compiledHash: hash, entryEvents: entryEvents(graph) });
      const next = version.version;
      return {
        id: version.id,
        journeyId,
        version: next,
        compiledHash: hash,
        live: true,
        publishedAt: version.publishedAt.toISOString(),
        graph,
        warnings: validation.problems.filter((problem) => problem.severity === 'warning'),
      };
    });
    // Segment entries launch once the version is committed (and repeat on their schedule).
    await this.segments.schedule(journeyId, published.graph);
    return published;
  }

  /** No new users enter a paused journey; users already inside carry on. */
  async pause(projectId: string, journeyId: string): Promise<JourneyDetailDto> {
    const paused = await this.transition(projectId, journeyId, 'paused', (status) =>
      status === 'live' ? undefined : `Only a live journey can be paused; this one is ${STATUS_IN_WORDS[status]}`,
    );
    await this.segments.unschedule(journeyId);
    return paused;
  }

  async resume(projectId: string, journeyId: string): Promise<JourneyDetailDto> {
    const resumed = await this.transition(projectId, journeyId, 'live', (status) =>
      status === 'paused' ? undefined : `Only a paused journey can be resumed; this one is ${STATUS_IN_WORDS[status]}`,
    );
    const [version] = await this.dataSource.query<Array<{ graph: JourneyGraph }>>(
      `SELECT v.graph FROM journeys j JOIN journey_versions v ON v.id = j.live_version_id WHERE j.id = $1`,
      [journeyId],
    );
    if (version) await this.segments.schedule(journeyId, version.graph);
    return resumed;
  }

  /** Archiving is final: users inside are stopped in the same transaction (StopJourneyInstances). */
  async archive(projectId: string, journeyId: string): Promise<ArchivedJourneyDto> {
    const archived = await this.dataSource.transaction(async (manager): Promise<ArchivedJourneyDto> => {
      const journey = await findProjectJourney(manager, projectId, journeyId, { lock: true });
      if (journey.status === 'archived') throw new ConflictException('The journey is already archived');
      const stopped = await this.instances.stop(manager, journeyId);
      const archived = await this.setStatus(manager, journey, 'archived');
      return { ...(await this.journeys.detail(archived, manager)), stoppedInstances: stopped };
    });
    await this.segments.unschedule(journeyId);
    return archived;
  }

  private async transition(
    projectId: string,
    journeyId: string,
    to: JourneyStatus,
    refusal: (status: JourneyStatus) => string | undefined,
  ): Promise<JourneyDetailDto> {
    const journey = await this.dataSource.transaction(async (manager) => {
      const current = await findProjectJourney(manager, projectId, journeyId, { lock: true });
      const reason = refusal(current.status);
      if (reason !== undefined) throw new ConflictException(reason);
      return this.setStatus(manager, current, to);
    });
    return this.journeys.detail(journey);
  }

  private async setStatus(manager: EntityManager, journey: JourneyEntity, status: JourneyStatus): Promise<JourneyEntity> {
    await JourneyStore.setStatus(manager, journey.id, status);
    return { ...journey, status };
  }
}

/** Distinct event names of the entry-on-event nodes, for routing incoming events. */
function entryEvents(graph: JourneyGraph): string[] {
  const names = new Set<string>();
  for (const node of graph.nodes) if (node.type === 'entry.event') names.add(node.data.event);
  return [...names].sort();
}
