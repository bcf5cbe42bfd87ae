import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JourneyProblem } from '@engine/journey';
import { type WhatsAppTemplateCategory, type WhatsAppTemplateStatus } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type CreateWhatsAppTemplateDto } from './dto/create-whatsapp-template.dto';
import { type ListWhatsAppTemplatesQueryDto } from './dto/list-whatsapp-templates-query.dto';
import { type WhatsAppTemplateDto } from './dto/whatsapp-template.response';
import { normalizeWhatsAppTemplateComponents, templateParameterCount, type WhatsAppTemplateComponent } from './whatsapp-template-components';

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

/** A template-mode `send.whatsapp` node of a draft, read defensively: drafts may be malformed. */
interface TemplateSend {
  nodeId: string;
  nodeName: string;
  name: string;
  language: string;
  headerParameters: number;
  bodyParameters: number;
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
   * Why a draft cannot be published as far as templates go: each template-mode WhatsApp send must
   * name an approved template of the registry, with as many header and body parameters as the
   * template's text has placeholders. Problems have the validator's shape.
   */
  async publishProblems(manager: EntityManager, projectId: string, graph: unknown): Promise<JourneyProblem[]> {
    const sends = templateSends(graph);
    if (sends.length === 0) return [];
    const rows = await manager.query<Array<Pick<TemplateRow, 'name' | 'language' | 'status' | 'status_reason' | 'components'>>>(
      `SELECT name, language, status, status_reason, components FROM whatsapp_templates WHERE project_id = $1 AND name = ANY($2)`,
      [projectId, [...new Set(sends.map((send) => send.name))]],
    );
    const registered = new Map(rows.map((row) => [`${row.name}/${row.language}`, row]));
    return sends.flatMap((send): JourneyProblem[] => {
      const subject = `Node ${send.nodeName} (Send WhatsApp): template "${send.name}" (${send.language})`;
      const template = registered.get(`${send.name}/${send.language}`);
      const refusal = (reason: string): JourneyProblem => ({
        severity: 'error',
        code: 'whatsapp-template-not-approved',
        nodeId: send.nodeId,
        field: 'data.template.name',
        message: `${subject} ${reason}`,
      });
      if (!template) return [refusal('is not registered; add it to the WhatsApp templates once Meta has approved it')];
      if (template.status === 'pending') return [refusal('is not approved yet (pending)')];
      if (template.status !== 'approved') return [refusal(`is not approved (${template.status}${template.status_reason ? `: ${template.status_reason}` : ''})`)];
      const problems: JourneyProblem[] = [];
      for (const part of ['header', 'body'] as const) {
        const expected = templateParameterCount(template.components, part === 'header' ? 'HEADER' : 'BODY');
        const given = part === 'header' ? send.headerParameters : send.bodyParameters;
        if (expected !== given) {
          problems.push({
            severity: 'error',
            code: 'whatsapp-template-parameters',
            nodeId: send.nodeId,
            field: `data.template.${part}Parameters`,
            message: `${subject} has ${expected} ${part} ${expected === 1 ? 'parameter' : 'parameters'}, the node gives ${given}`,
          });
        }
      }
      return problems;
    });
  }
}

function templateSends(graph: unknown): TemplateSend[] {
  const nodes = isObject(graph) && Array.isArray(graph['nodes']) ? (graph['nodes'] as unknown[]) : [];
  return nodes.flatMap((node): TemplateSend[] => {
    if (!isObject(node) || node['type'] !== 'send.whatsapp' || typeof node['id'] !== 'string') return [];
    const data = isObject(node['data']) ? node['data'] : {};
    const template = isObject(data['template']) ? data['template'] : undefined;
    if (data['mode'] !== 'template' || typeof template?.['name'] !== 'string' || typeof template['language'] !== 'string') return [];
    const label = typeof node['label'] === 'string' && node['label'].trim() !== '' ? node['label'].trim() : node['id'];
    return [
      {
        nodeId: node['id'],
        nodeName: `"${label}"`,
        name: template['name'].trim(),
        language: template['language'].trim(),
        headerParameters: Array.isArray(template['headerParameters']) ? template['headerParameters'].length : 0,
        bodyParameters: Array.isArray(template['bodyParameters']) ? template['bodyParameters'].length : 0,
      },
    ];
  });
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`No WhatsApp template "${id}" in this project`);
}
