import { isIP } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { type ChannelProvider, FinalSendError, type OutgoingMessage, RetryableSendError, type SendResult } from '../channel-provider';
import { isBlockedAddress } from '../net/blocked-address';
import { type OutboundPolicy } from '../net/outbound-policy';
import { BlockedAddressError } from '../net/outbound-request-error';
import { assertPublicHost } from '../net/public-address-lookup';
import { readEmailContent, parseMailbox } from './email-content';
import { emailMessageId } from './email-message-id';
import { insertPreheader } from './email-preheader';
import { addEmailTracking, replaceUnsubscribePlaceholder } from './email-tracking';
import { htmlToText } from './html-to-text';
import { listUnsubscribeHeaders } from './list-unsubscribe-headers';
import { smtpSendError } from './smtp-send-error';
import { readErrorDetails } from '../error-details';

export interface SmtpEmailConfig extends OutboundPolicy {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`. Secret (it holds the password). */
  smtpUrl: string;
  /** Default sender, `Acme <news@acme.example>` or a bare address; a node's `from` overrides it. */
  from: string;
  replyTo?: string;
  /** e.g. unsubscribe@example.com: offered in List-Unsubscribe next to the one-click URL, unless the message brings its own. */
  unsubscribeMailto?: string;
  /** Connect, greeting and socket timeouts; default 15 000 ms. */
  timeoutMs?: number;
}

/**
 * Email over SMTP with nodemailer. Sends the HTML (tracked when the message carries tracking
 * links) with a text part derived from it, RFC 8058 one-click List-Unsubscribe headers, and a
 * Message-ID made from the idempotency key.
 */
export class SmtpEmailProvider implements ChannelProvider {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly host: string;

  constructor(private readonly config: SmtpEmailConfig) {
    let url: URL;
    try {
      url = new URL(config.smtpUrl);
    } catch {
      throw new Error('The SMTP URL is not a valid URL (smtp://user:pass@host:587 expected)');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('The SMTP URL must start with smtp:// or smtps://');
    this.host = url.hostname.replace(/^\[|\]$/g, '');
    const timeout = config.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      // Content comes from journeys: never let it make the transport read files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
      ...(config.extraCaCerts ? { tls: { ca: config.extraCaCerts } } : {}),
    });
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const to = message.to.email;
    if (!to) throw new FinalSendError('The user has no email address');
    const content = readEmailContent(message.content);
    await this.checkHost();

    const tracking = message.tracking ?? {};
    const mailbox = parseMailbox(content.from ?? this.config.from);
    const sender = content.fromName ? { ...mailbox, name: content.fromName } : mailbox;
    const html = insertPreheader(replaceUnsubscribePlaceholder(content.html, tracking.unsubscribeUrl), content.preheader);

    let info: { messageId: string };
    try {
      info = await this.transport.sendMail({
        from: sender.name ? { name: sender.name, address: sender.address } : sender.address,
        to,
        ...(this.config.replyTo ? { replyTo: this.config.replyTo } : {}),
        subject: content.subject,
        // The text part keeps the original links: it is read, rarely clicked.
        text: htmlToText(html),
        html: addEmailTracking(html, tracking),
        messageId: emailMessageId(message.idempotencyKey, sender.address),
        headers: listUnsubscribeHeaders(tracking.unsubscribeUrl, tracking.unsubscribeMailto ?? this.config.unsubscribeMailto),
      });
    } catch (error) {
      throw smtpSendError(error);
    }
    return { providerMessageId: info.messageId };
  }

  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }

  // Nodemailer resolves and connects itself, so the host is checked before handing over.
  private async checkHost(): Promise<void> {
    if (this.config.allowPrivateNetworks) return;
    if (isIP(this.host) !== 0) {
      if (isBlockedAddress(this.host)) throw new FinalSendError(`SMTP host ${this.host} is an internal address`, { code: 'blocked-address' });
      return;
    }
    try {
      await assertPublicHost(this.host);
    } catch (error) {
      if (error instanceof BlockedAddressError) throw new FinalSendError(`SMTP host ${error.message}`, { code: 'blocked-address' });
      throw new RetryableSendError(`SMTP host ${this.host} could not be resolved: ${readErrorDetails(error).message}`, { code: 'EDNS' });
    }
  }
}
