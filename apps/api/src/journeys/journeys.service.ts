import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_JOURNEY_SETTINGS, type JourneyGraph, MAX_JOURNEY_NAME_LENGTH, validateJourney } from '@engine/journey';
import { WhatsAppTemplatesService } from '../whatsapp/whatsapp-templates.service';
import { JourneyEntity, type JourneyStatus, JourneyStore } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type CreateJourneyDto } from './dto/create-journey.dto';
import { type JourneyDetailDto, type JourneySummaryDto } from './dto/journey.response';
import { type JourneyValidationDto } from './dto/journey-validation.response';
import { type ListJourneysQueryDto } from './dto/list-journeys-query.dto';
import { type UpdateJourneyDto } from './dto/update-journey.dto';
import { findProjectJourney } from './find-project-journey';
import { assertCurrentRevision, journeyRevision } from './journey-revision';
import { knownEvents } from './known-events';
import { knownSegments } from './known-segments';

interface JourneySummaryRow {
  id: string;
  name: string;
  status: JourneyStatus;
  live_version_number: number | null;
  active_users: number;
  conversions: number;
  created_at: Date;
  updated_at: Date;
}

/** Drafts: create, read, edit, copy and validate journeys. Publishing and status changes live in JourneyLifecycleService. */
@Injectable()
export class JourneysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly whatsAppTemplates: WhatsAppTemplatesService,
  ) {}

  async create(projectId: string, dto: CreateJourneyDto): Promise<JourneyDetailDto> {
    const [id] = await JourneyStore.createDrafts(this.dataSource.manager, [{ projectId, name: dto.name, draftGraph: dto.graph ?? emptyGraph() }]);
    return this.detail(await this.dataSource.manager.findOneByOrFail(JourneyEntity, { id }));
  }

  async list(projectId: string, query: ListJourneysQueryDto): Promise<JourneySummaryDto[]> {
    // LATERAL counts use the (journey_id, status, ...) and (journey_id) indexes, one page at a time.
    const rows = await this.dataSource.query<JourneySummaryRow[]>(
      `SELECT j.id, j.name, j.status, j.live_version_number, j.created_at, j.updated_at,
              active.count AS active_users, converted.count AS conversions
         FROM journeys j
         CROSS JOIN LATERAL (SELECT count(*)::int AS count FROM journey_instances i
                              WHERE i.journey_id = j.id AND i.status = 'active') active
         CROSS JOIN LATERAL (SELECT count(*)::int AS count FROM conversions c WHERE c.journey_id = j.id) converted
        WHERE j.project_id = $1 AND ($2::text IS NULL OR j.status = $2)
        ORDER BY j.updated_at DESC, j.id
        LIMIT $3 OFFSET $4`,
      [projectId, query.status ?? null, query.limit ?? 100, query.offset ?? 0],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      liveVersionNumber: row.live_version_number,
      activeUsers: row.active_users,
      conversions: row.conversions,
      revision: row.updated_at.toISOString(),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  async get(projectId: string, journeyId: string): Promise<JourneyDetailDto> {
    return this.detail(await findProjectJourney(this.dataSource.manager, projectId, journeyId));
  }

  async update(projectId: string, journeyId: string, dto: UpdateJourneyDto): Promise<JourneyDetailDto> {
    if (dto.name === undefined && dto.graph === undefined) {
      throw new BadRequestException('Send name or graph (or both) to update the journey');
    }
    const journey = await this.dataSource.transaction(async (manager) => {
      const current = await findProjectJourney(manager, projectId, journeyId, { lock: true });
      if (current.status === 'archived') {
        throw new ConflictException('The journey is archived and cannot be edited; duplicate it to work on a copy');
      }
      assertCurrentRevision(current, dto.revision);
      await JourneyStore.editDraft(manager, journeyId, { name: dto.name, graph: dto.graph });
      return manager.findOneByOrFail(JourneyEntity, { id: journeyId });
    });
    return this.detail(journey);
  }

  /** A new draft with the same draft graph; statistics, versions and users stay with the original. */
  async duplicate(projectId: string, journeyId: string): Promise<JourneyDetailDto> {
    const original = await findProjectJourney(this.dataSource.manager, projectId, journeyId);
    const suffix = ' (copy)';
    return this.create(projectId, {
      name: `${original.name.slice(0, MAX_JOURNEY_NAME_LENGTH - suffix.length)}${suffix}`,
      graph: original.draftGraph,
    });
  }

  /**
   * Validates the stored draft, or `graph` instead when given (nothing is saved), with the same
   * template checks publishing makes, so "valid" here means "publishable". Event names the project
   * never received are warned about (warnings do not block publishing).
   */
  async validate(projectId: string, journeyId: string, graph: unknown): Promise<JourneyValidationDto> {
    const journey = await findProjectJourney(this.dataSource.manager, projectId, journeyId);
    const target = graph === undefined ? journey.draftGraph : graph;
    const validation = validateJourney(target, {
      knownEvents: await knownEvents(this.dataSource.manager, projectId),
      knownSegments: await knownSegments(this.dataSource.manager, projectId),
    });
    const templateProblems = await this.whatsAppTemplates.publishProblems(this.dataSource.manager, projectId, target);
    return { valid: validation.valid && templateProblems.length === 0, problems: [...validation.problems, ...templateProblems] };
  }

  /** `manager`: the caller's transaction, when there is one. */
  async detail(journey: JourneyEntity, manager: EntityManager = this.dataSource.manager): Promise<JourneyDetailDto> {
    return {
      id: journey.id,
      name: journey.name,
      status: journey.status,
      liveVersionNumber: journey.liveVersionNumber,
      liveVersionId: journey.liveVersionId,
      entryEvents: journey.entryEvents,
      graph: journey.draftGraph,
      validation: validateJourney(journey.draftGraph, {
        knownEvents: await knownEvents(manager, journey.projectId),
        knownSegments: await knownSegments(manager, journey.projectId),
      }),
      revision: journeyRevision(journey),
      createdAt: journey.createdAt.toISOString(),
      updatedAt: journey.updatedAt.toISOString(),
    };
  }
}

function emptyGraph(): JourneyGraph {
  return { formatVersion: 1, nodes: [], edges: [], settings: structuredClone(DEFAULT_JOURNEY_SETTINGS) };
}
