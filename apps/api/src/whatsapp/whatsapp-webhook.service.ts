import { BadRequestException, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import {
  type InboundWhatsAppMessage,
  parseWhatsAppWebhook,
  verifyWhatsAppSignature,
  whatsAppVerificationChallenge,
  type WhatsAppStatusUpdate,
} from '@engine/channels';
import { type WhatsAppWebhookReceiptDto } from './dto/whatsapp-webhook-receipt.response';
import { type WhatsAppAccount, WhatsAppAccounts } from './whatsapp-accounts.service';
import { WhatsAppTemplateStatuses } from './whatsapp-template-statuses.service';
import { WhatsAppWebhookEvents } from './whatsapp-webhook-events.service';

interface ProjectBatch {
  inbound: InboundWhatsAppMessage[];
  statuses: WhatsAppStatusUpdate[];
}

/**
 * Meta's side of the WhatsApp channel: the subscription handshake, and deliveries checked against
 * the app secret of the project(s) that own the business number (or, for template status changes,
 * the business account) before anything is stored.
 */
@Injectable()
export class WhatsAppWebhookService {
  private readonly logger = new Logger(WhatsAppWebhookService.name);

  constructor(
    private readonly accounts: WhatsAppAccounts,
    private readonly events: WhatsAppWebhookEvents,
    private readonly templateStatuses: WhatsAppTemplateStatuses,
  ) {}

  /** The challenge to echo when the verify token is one of the projects' `webhookVerifyToken`. */
  async verifySubscription(query: unknown): Promise<string> {
    for (const account of await this.accounts.withSecret('webhookVerifyToken')) {
      // Compared in constant time (hashes of both), one project after the other.
      const answer = whatsAppVerificationChallenge(query, account.webhookVerifyToken ?? '');
      if (answer.ok) return answer.challenge;
    }
    throw new ForbiddenException(
      'hub.verify_token does not match the webhookVerifyToken of any project (or hub.mode is not "subscribe", or hub.challenge is missing)',
    );
  }

  /**
   * Stores what a delivery reports, once its signature is checked on the raw bytes, and applies
   * template status changes to the registry. All or nothing for messages and statuses: a body
   * naming a number no project can vouch for is refused whole. Template changes of an account no
   * project has (or whose projects did not sign) are acknowledged and logged.
   */
  async receive(rawBody: Buffer | undefined, signature: string | undefined, payload: unknown): Promise<WhatsAppWebhookReceiptDto> {
    if (!rawBody) throw new BadRequestException('The body must be JSON (Content-Type: application/json), as Meta sends it');
    if (!signature) throw new UnauthorizedException('Missing X-Hub-Signature-256 header: Meta signs every delivery with the app secret');
    const receivedAt = new Date();
    const batch = parseWhatsAppWebhook(payload);
    const phoneNumberIds = [...new Set([...batch.inbound, ...batch.statuses].map((item) => item.phoneNumberId))];
    const businessAccountIds = [...new Set([...batch.templateStatuses, ...batch.templateCategories].map((update) => update.businessAccountId))];
    const signedBy = (account: WhatsAppAccount) => account.appSecret !== undefined && verifyWhatsAppSignature(rawBody, signature, account.appSecret);

    const projectsByNumber = await this.projectsByNumber(phoneNumberIds, signedBy);
    const accountOwners = businessAccountIds.length > 0 ? await this.accounts.byBusinessAccountIds(businessAccountIds) : [];
    const projectsByAccount = new Map(
      businessAccountIds.map((id) => [id, accountOwners.filter((account) => account.businessAccountId === id && signedBy(account)).map((account) => account.projectId)]),
    );
    if (phoneNumberIds.length === 0 && ![...projectsByAccount.values()].some((projectIds) => projectIds.length > 0)) {
      // Nothing a configured number or account vouches for (account updates, other accounts' templates): acknowledged if a project's app signed it.
      if (!(await this.accounts.withSecret('appSecret')).some(signedBy)) {
        throw new UnauthorizedException('The X-Hub-Signature-256 signature does not match the app secret of any project with WhatsApp configured');
      }
    }

    // Signed by an app we know: what was skipped is worth a line in the log.
    for (const problem of batch.problems) this.logger.warn(`Skipped in a WhatsApp webhook: ${problem}`);
    const receipt: WhatsAppWebhookReceiptDto = { stored: 0, duplicates: 0, ignored: 0, templatesUpdated: 0, retryLater: false };
    for (const update of batch.templateStatuses) {
      const projectIds = projectsByAccount.get(update.businessAccountId) ?? [];
      if (projectIds.length > 0) receipt.templatesUpdated += await this.templateStatuses.apply(projectIds, update, receivedAt);
      else this.logger.warn(`${update.event} of WhatsApp template ${update.name} (${update.language}) ignored: ${this.unclaimed(update.businessAccountId, accountOwners)}`);
    }
    for (const update of batch.templateCategories) {
      const projectIds = projectsByAccount.get(update.businessAccountId) ?? [];
      if (projectIds.length > 0) receipt.templatesUpdated += await this.templateStatuses.recategorise(projectIds, update);
      else this.logger.warn(`Category change of WhatsApp template ${update.name} (${update.language}) ignored: ${this.unclaimed(update.businessAccountId, accountOwners)}`);
    }

    const byProject = new Map<string, ProjectBatch>();
    const batchOf = (projectId: string): ProjectBatch => {
      const existing = byProject.get(projectId);
      if (existing) return existing;
      const created: ProjectBatch = { inbound: [], statuses: [] };
      byProject.set(projectId, created);
      return created;
    };
    for (const message of batch.inbound) for (const projectId of projectsByNumber.get(message.phoneNumberId)!) batchOf(projectId).inbound.push(message);
    for (const update of batch.statuses) for (const projectId of projectsByNumber.get(update.phoneNumberId)!) batchOf(projectId).statuses.push(update);

    for (const [projectId, { inbound, statuses }] of byProject) {
      const recorded = await this.events.record(projectId, inbound, statuses);
      receipt.stored += recorded.stored;
      receipt.duplicates += recorded.duplicates;
      receipt.ignored += recorded.ignored;
      receipt.retryLater ||= recorded.retryLater;
    }
    return receipt;
  }

  /** The projects each number's messages and statuses go to: those that have it and whose app secret signed the body. */
  private async projectsByNumber(phoneNumberIds: string[], signedBy: (account: WhatsAppAccount) => boolean): Promise<Map<string, string[]>> {
    const projectsByNumber = new Map<string, string[]>();
    if (phoneNumberIds.length === 0) return projectsByNumber;
    const accounts = await this.accounts.byPhoneNumberIds(phoneNumberIds);
    for (const phoneNumberId of phoneNumberIds) {
      const owners = accounts.filter((account) => account.phoneNumberId === phoneNumberId);
      const verified = owners.filter(signedBy).map((account) => account.projectId);
      if (verified.length === 0) {
        throw new UnauthorizedException(
          owners.length === 0
            ? `No project has WhatsApp phone number id ${phoneNumberId} configured`
            : `The X-Hub-Signature-256 signature does not match the appSecret of the project(s) with WhatsApp phone number id ${phoneNumberId}`,
        );
      }
      projectsByNumber.set(phoneNumberId, verified);
    }
    return projectsByNumber;
  }

  /** Why no project takes a template change of this business account. */
  private unclaimed(businessAccountId: string, accountOwners: WhatsAppAccount[]): string {
    return accountOwners.some((account) => account.businessAccountId === businessAccountId)
      ? `the signature does not match the appSecret of the project(s) with WhatsApp Business Account ${businessAccountId}`
      : `no project has WhatsApp Business Account ${businessAccountId} as its businessAccountId`;
  }
}
