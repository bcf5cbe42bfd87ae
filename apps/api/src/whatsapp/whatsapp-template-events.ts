import { type WhatsAppTemplateEvent, type WhatsAppTemplateStatusUpdate } from '@engine/channels';
import { type WhatsAppTemplateStatus } from '@engine/persistence';

/**
 * The registry status each of Meta's template events leads to. Events that do not change whether
 * the template can be sent leave the status as it is (undefined).
 */
export const TEMPLATE_EVENT_STATUS: Readonly<Record<WhatsAppTemplateEvent, WhatsAppTemplateStatus | undefined>> = {
  APPROVED: 'approved',
  // No longer flagged, paused or disabled: sendable again.
  REINSTATED: 'approved',
  REJECTED: 'rejected',
  PENDING: 'pending',
  PAUSED: 'paused',
  DISABLED: 'disabled',
  // Deleted in WhatsApp Manager (then for good): Meta refuses sends from the start.
  PENDING_DELETION: 'deleted',
  DELETED: 'deleted',
  // Negative feedback: at risk of a pause, still sendable.
  FLAGGED: undefined,
  // The rejection stands until the appeal is decided (APPROVED or REJECTED follows).
  IN_APPEAL: undefined,
  // Editing locked or unlocked; sending is not affected.
  LOCKED: undefined,
  UNLOCKED: undefined,
  // Tidying WhatsApp Manager; the webhook reference does not say it stops sends.
  ARCHIVED: undefined,
  UNARCHIVED: undefined,
  // The account is at its template limit: about templates not yet created.
  LIMIT_EXCEEDED: undefined,
};

/**
 * What the registry keeps of Meta's explanation: the reason code and details of a rejection, the
 * sentence Meta gives for a pause or a disable. Other statuses need none.
 */
export function templateStatusReason(update: WhatsAppTemplateStatusUpdate, status: WhatsAppTemplateStatus): string | null {
  if (status === 'rejected') {
    const details = [update.rejectionInfo?.reason, update.rejectionInfo?.recommendation].filter(Boolean).join(' ');
    return [update.reason, details].filter(Boolean).join(' — ') || null;
  }
  if (status === 'paused' || status === 'disabled') return update.otherInfo?.description ?? update.otherInfo?.title ?? update.reason ?? null;
  return null;
}
