import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { type ChannelProvider, FinalSendError, type OutgoingMessage, RetryableSendError, type SendResult } from '../channel-provider';
import { type OutboundPolicy } from '../net/outbound-policy';
import { BlockedAddressError } from '../net/outbound-request-error';
import { type HostLookup, lookupAllAddresses, resolvePinnedAddress } from '../net/public-address-lookup';
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

/** Query parameters of the SMTP URL passed on to nodemailer; any other is ignored (credential ones are only masked). */
const BOOLEAN_OPTIONS = ['requireTLS', 'ignoreTLS'] as const;
const STRING_OPTIONS = ['name', 'authMethod'] as const;

/**
 * Email over SMTP with nodemailer. Sends the HTML (tracked when the message carries tracking
 * links) with a text part derived from it, RFC 8058 one-click List-Unsubscribe headers, and a
 * Message-ID made from the idempotency key.
 *
 * Nodemailer would resolve the host again after our check (room for DNS rebinding), so each send
 * resolves it once (`lookup`, injectable), checks every address, and has nodemailer connect to
 * the checked address, with the URL's host as the TLS server name (SNI and certificate check).
 * The transport options come from the URL alone (scheme, host, port, user info and a few known
 * query parameters): a query like `?host=` or `?service=` cannot move the connection elsewhere.
 */
export class SmtpEmailProvider implements ChannelProvider {
  readonly name = 'smtp';
  private readonly host: string;
  private readonly options: SMTPTransport.Options;

  constructor(
    private readonly config: SmtpEmailConfig,
    private readonly lookup: HostLookup = lookupAllAddresses,
  ) {
    let url: URL;
    try {
      url = new URL(config.smtpUrl);
    } catch {
      throw new Error('The SMTP URL is not a valid URL (smtp://user:pass@host:587 expected)');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('The SMTP URL must start with smtp:// or smtps://');
    this.host = url.hostname.replace(/^\[|\]$/g, '');
    const timeout = config.timeoutMs ?? 15_000;
    const query: Record<string, string | boolean> = {};
    for (const key of BOOLEAN_OPTIONS) if (url.searchParams.has(key)) query[key] = url.searchParams.get(key) !== 'false';
    for (const key of STRING_OPTIONS) {
      const value = url.searchParams.get(key);
      if (value) query[key] = value;
    }
    const secure = url.protocol === 'smtps:';
    this.options = {
      ...query,
      secure,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      ...(url.username || url.password ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      // Content comes from journeys: never let it make the transport read files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
      ...(config.extraCaCerts ? { tls: { ca: config.extraCaCerts } } : {}),
    };
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const to = message.to.email;
    if (!to) throw new FinalSendError('The user has no email address');
    const content = readEmailContent(message.content);
    const address = await this.checkedAddress();

    const tracking = message.tracking ?? {};
    const mailbox = parseMailbox(content.from ?? this.config.from);
    const sender = content.fromName ? { ...mailbox, name: content.fromName } : mailbox;
    const html = insertPreheader(replaceUnsubscribePlaceholder(content.html, tracking.unsubscribeUrl), content.preheader);

    // One connection per message (nodemailer's default without a pool), to the address just checked.
    const transport = nodemailer.createTransport({ ...this.options, host: address, ...(isIP(this.host) === 0 ? { servername: this.host } : {}) });
    let info: { messageId: string };
    try {
      info = await transport.sendMail({
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
    } finally {
      transport.close();
    }
    return { providerMessageId: info.messageId };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async checkedAddress(): Promise<string> {
    try {
      return await resolvePinnedAddress(this.host, this.config.allowPrivateNetworks === true, this.lookup);
    } catch (error) {
      if (error instanceof BlockedAddressError) throw new FinalSendError(`SMTP host ${error.message}`, { code: 'blocked-address' });
      throw new RetryableSendError(`SMTP host ${this.host} could not be resolved: ${readErrorDetails(error).message}`, { code: 'EDNS' });
    }
  }
}
