import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JourneyProblem, type RegisteredWhatsAppTemplate, whatsAppTemplateNames, whatsAppTemplateProblems } from '@engine/journey';
import { type WhatsAppTemplateRow, type WhatsAppTemplateStatus, WhatsAppTemplateStore } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type CreateWhatsAppTemplateDto } from './dto/create-whatsapp-template.dto';
import { type ListWhatsAppTemplatesQueryDto } from './dto/list-whatsapp-templates-query.dto';
import { type WhatsAppTemplateDto } from './dto/whatsapp-template.response';
import { normalizeWhatsAppTemplateComponents, type WhatsAppTemplateComponent } from './whatsapp-template-components';

type TemplateRow = WhatsAppTemplateRow<WhatsAppTemplateComponent>;

const COLUMNS = 'id, name, language, category, status, status_reason, components, created_at, updated_at';

/**
 * The project's WhatsApp templates as registered with Meta. Meta reviews templates; the registry
 * keeps the outcome (set by hand, or by Meta's template status webhook), and publishing refuses
 * journeys whose templates are not approved (Meta would refuse every send with error 132001).
 */
@Injectable()
export class WhatsAppTemplatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(projectId: string, dto: CreateWhatsAppTemplateDto): Promise<WhatsAppTemplateDto> {
    const [row] = await WhatsAppTemplateStore.register<WhatsAppTemplateComponent>(this.dataSource.manager, projectId, [
      { name: dto.name, language: dto.language, category: dto.category, status: dto.status ?? 'pending', components: normalizeWhatsAppTemplateComponents(dto.components) },
    ]);
    if (!row) throw new ConflictException(`Template "${dto.name}" (${dto.language}) is already registered; change its status with PATCH or delete it first`);
    return toDto(row);
  }

  async list(projectId: string, query: ListWhatsAppTemplatesQueryDto): Promise<WhatsAppTemplateDto[]> {
    const rows = await this.dataSource.query<TemplateRow[]>(
      `SELECT ${COLUMNS} FROM whatsapp_templates
        WHERE project_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR name = $3)
        ORDER BY name, language`,
      [projectId, query.status ?? null, query.name ?? null],
    );
    return rows.map(toDto);
  }

  /** A status set by hand has no reason from Meta. */
  async setStatus(projectId: string, id: string, status: WhatsAppTemplateStatus): Promise<WhatsAppTemplateDto> {
    const row = await WhatsAppTemplateStore.setStatusByHand<WhatsAppTemplateComponent>(this.dataSource.manager, projectId, id, status);
    if (!row) throw notFound(id);
    return toDto(row);
  }

  async remove(projectId: string, id: string): Promise<void> {
    if (!(await WhatsAppTemplateStore.remove(this.dataSource.manager, projectId, id))) throw notFound(id);
  }

  /**
   * Why a draft cannot be published as far as templates go (whatsAppTemplateProblems, which the
   * canvas runs too), against the registry's entries for the templates the draft names.
   */
  async publishProblems(manager: EntityManager, projectId: string, graph: unknown): Promise<JourneyProblem[]> {
    const names = whatsAppTemplateNames(graph);
    if (names.length === 0) return [];
    const registry = await manager.query<RegisteredWhatsAppTemplate[]>(
      `SELECT name, language, status, status_reason AS "statusReason", components FROM whatsapp_templates WHERE project_id = $1 AND name = ANY($2)`,
      [projectId, names],
    );
    return whatsAppTemplateProblems(graph, registry);
  }
}

function toDto(row: TemplateRow): WhatsAppTemplateDto {
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    statusReason: row.status_reason,
    components: row.components,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`No WhatsApp template "${id}" in this project`);
}
