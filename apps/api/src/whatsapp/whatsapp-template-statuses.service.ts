import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type WhatsAppTemplateCategoryUpdate, type WhatsAppTemplateStatusUpdate } from '@engine/channels';
import { type WhatsAppTemplateStatus, WhatsAppTemplateStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { TEMPLATE_EVENT_STATUS, templateStatusReason } from './whatsapp-template-events';

interface RegisteredTemplate {
  id: string;
  project_id: string;
  status: WhatsAppTemplateStatus;
  status_reason: string | null;
  status_reported_at: Date | null;
}

/**
 * Applies Meta's template status webhooks to the registry, matching templates by name and language
 * (the registry does not know Meta's template ids). A webhook triggered before the one that set the
 * current status (a late redelivery) changes nothing, and neither does the same verdict twice.
 */
@Injectable()
export class WhatsAppTemplateStatuses {
  private readonly logger = new Logger(WhatsAppTemplateStatuses.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Applies Meta's new category of a template in each of these projects; how many templates changed. */
  async recategorise(projectIds: string[], update: WhatsAppTemplateCategoryUpdate): Promise<number> {
    const changed = await WhatsAppTemplateStore.setCategory(this.dataSource.manager, projectIds, update.name, update.language, update.newCategory);
    this.logger.log(
      `Template ${update.name} (${update.language}) of WhatsApp Business Account ${update.businessAccountId}: category ${update.previousCategory ?? '?'} -> ${update.newCategory} (${changed} registered ${changed === 1 ? 'copy' : 'copies'} changed)`,
    );
    return changed;
  }

  /** Applies one update to the template in each of these projects; how many templates changed status. */
  async apply(projectIds: string[], update: WhatsAppTemplateStatusUpdate, receivedAt: Date): Promise<number> {
    const subject = `Template ${update.name} (${update.language}) of WhatsApp Business Account ${update.businessAccountId}`;
    const status = TEMPLATE_EVENT_STATUS[update.event];
    if (!status) {
      this.logger.log(`${subject}: ${update.event} leaves its status as it is`);
      return 0;
    }
    const reason = templateStatusReason(update, status);
    // Meta always sends the entry's time; without it, the delivery is as new as its arrival.
    const reportedAt = update.occurredAt ?? receivedAt;

    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<RegisteredTemplate[]>(
        `SELECT id, project_id, status, status_reason, status_reported_at FROM whatsapp_templates
          WHERE project_id = ANY($1) AND name = $2 AND language = $3 ORDER BY id FOR UPDATE`,
        [projectIds, update.name, update.language],
      );
      for (const projectId of projectIds) {
        if (!rows.some((row) => row.project_id === projectId)) {
          this.logger.warn(`${subject} is not in the template registry of project ${projectId}: ${update.event} ignored`);
        }
      }
      let changed = 0;
      for (const row of rows) {
        if (row.status_reported_at && row.status_reported_at.getTime() > reportedAt.getTime()) {
          this.logger.log(`${subject}: ${update.event} of ${reportedAt.toISOString()} is older than the status it has (${row.status_reported_at.toISOString()}); ignored`);
          continue;
        }
        if (row.status === status && row.status_reason === reason) {
          // The same verdict again: only its time moves on, so late redeliveries compare against the newest.
          if (row.status_reported_at?.getTime() !== reportedAt.getTime()) {
            await WhatsAppTemplateStore.touchReportedAt(manager, row.id, reportedAt);
          }
          continue;
        }
        await WhatsAppTemplateStore.setReportedStatus(manager, row.id, status, reason, reportedAt);
        changed += 1;
        this.logger.log(`${subject} in project ${row.project_id}: ${row.status} -> ${status} (Meta's ${update.event}${reason ? `: ${reason}` : ''})`);
      }
      return changed;
    });
  }
}
