import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JourneyProblem, type RegisteredWhatsAppTemplate, whatsAppTemplateNames, whatsAppTemplateProblems } from '@engine/journey';
import { type WhatsAppTemplateCategory, type WhatsAppTemplateStatus } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type CreateWhatsAppTemplateDto } from './dto/create-whatsapp-template.dto';
import { type ListWhatsAppTemplatesQueryDto } from './dto/list-whatsapp-templates-query.dto';
import { type WhatsAppTemplateDto } from './dto/whatsapp-template.response';
import { normalizeWhatsAppTemplateComponents, type WhatsAppTemplateComponent } from './whatsapp-template-components';

interface TemplateRow {
  id: string;
  name: string;
  language: string;
  category: WhatsAppTemplateCategory;
  status: WhatsAppTemplateStatus;
  status_reason: string | null;
  components: WhatsAppTemplateComponent[];
  created_at: Date;
  updated_at: Date;
}

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
    const [row] = await this.dataSource.query<TemplateRow[]>(
      `INSERT INTO whatsapp_templates (project_id, name, language, category, status, components)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project_id, name, language) DO NOTHING
       RETURNING ${COLUMNS}`,
      [projectId, dto.name, dto.language, dto.category, dto.status ?? 'pending', JSON.stringify(normalizeWhatsAppTemplateComponents(dto.components))],
    );
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
    const [rows] = await this.dataSource.query<[TemplateRow[], number]>(
      `UPDATE whatsapp_templates SET status = $3, status_reason = NULL, updated_at = now() WHERE project_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [projectId, id, status],
    );
    if (!rows[0]) throw notFound(id);
    return toDto(rows[0]);
  }

  async remove(projectId: string, id: string): Promise<void> {
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(`DELETE FROM whatsapp_templates WHERE project_id = $1 AND id = $2`, [projectId, id]);
    if (!deleted) throw notFound(id);
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
