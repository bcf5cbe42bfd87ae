import { type EntityManager } from 'typeorm';
import { type WhatsAppTemplateCategory, type WhatsAppTemplateStatus } from '../entities/whatsapp-template.entity';

/** A template row; `Component` is how the caller types Meta's components. */
export interface WhatsAppTemplateRow<Component = Record<string, unknown>> {
  id: string;
  name: string;
  language: string;
  category: WhatsAppTemplateCategory;
  status: WhatsAppTemplateStatus;
  status_reason: string | null;
  components: Component[];
  created_at: Date;
  updated_at: Date;
}

export interface NewWhatsAppTemplate {
  name: string;
  language: string;
  category: WhatsAppTemplateCategory;
  status: WhatsAppTemplateStatus;
  components: ReadonlyArray<object>;
}

const COLUMNS = 'id, name, language, category, status, status_reason, components, created_at, updated_at';

/** The one writer of `whatsapp_templates`. */
export const WhatsAppTemplateStore = {
  /** Registers templates; one already registered under its name and language is skipped. Returns the new rows. */
  async register<Component = Record<string, unknown>>(
    manager: EntityManager,
    projectId: string,
    templates: readonly NewWhatsAppTemplate[],
  ): Promise<Array<WhatsAppTemplateRow<Component>>> {
    if (templates.length === 0) return [];
    return manager.query<Array<WhatsAppTemplateRow<Component>>>(
      `INSERT INTO whatsapp_templates (project_id, name, language, category, status, components)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
       ON CONFLICT (project_id, name, language) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        projectId,
        templates.map((t) => t.name),
        templates.map((t) => t.language),
        templates.map((t) => t.category),
        templates.map((t) => t.status),
        templates.map((t) => JSON.stringify(t.components)),
      ],
    );
  },

  /** A status set by hand has no reason from Meta. Returns the row, or undefined when there is none. */
  async setStatusByHand<Component = Record<string, unknown>>(
    manager: EntityManager,
    projectId: string,
    id: string,
    status: WhatsAppTemplateStatus,
  ): Promise<WhatsAppTemplateRow<Component> | undefined> {
    const [rows] = await manager.query<[Array<WhatsAppTemplateRow<Component>>, number]>(
      `UPDATE whatsapp_templates SET status = $3, status_reason = NULL, updated_at = now() WHERE project_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [projectId, id, status],
    );
    return rows[0];
  },

  /** Meta's verdict, reported at `reportedAt`. */
  async setReportedStatus(manager: EntityManager, id: string, status: WhatsAppTemplateStatus, reason: string | null, reportedAt: Date): Promise<void> {
    await manager.query(`UPDATE whatsapp_templates SET status = $2, status_reason = $3, status_reported_at = $4, updated_at = now() WHERE id = $1`, [
      id,
      status,
      reason,
      reportedAt,
    ]);
  },

  /**
   * Meta moved the template to another category (a utility template recategorised as marketing is
   * sent, consented and priced as marketing from now on); returns how many templates changed.
   */
  async setCategory(manager: EntityManager, projectIds: readonly string[], name: string, language: string, category: string): Promise<number> {
    const [, changed] = await manager.query<[unknown[], number]>(
      `UPDATE whatsapp_templates SET category = $4, updated_at = now() WHERE project_id = ANY($1) AND name = $2 AND language = $3 AND category <> $4`,
      [projectIds, name, language, category],
    );
    return changed;
  },

  /** The same verdict reported again: only its time moves on. */
  async touchReportedAt(manager: EntityManager, id: string, reportedAt: Date): Promise<void> {
    await manager.query(`UPDATE whatsapp_templates SET status_reported_at = $2 WHERE id = $1`, [id, reportedAt]);
  },

  /** Returns whether the template existed. */
  async remove(manager: EntityManager, projectId: string, id: string): Promise<boolean> {
    const [, deleted] = await manager.query<[unknown[], number]>(`DELETE FROM whatsapp_templates WHERE project_id = $1 AND id = $2`, [projectId, id]);
    return deleted > 0;
  },
};
