import { createHash } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TrackingKind, verifyTrackingToken } from '@engine/channels';
import { EXECUTION_CONFIG, type ExecutionConfig, type IncomingEvent, IngestEvents, trackingSecret } from '@engine/execution';
import { type Channel } from '@engine/journey';
import { UserStore } from '@engine/persistence';
import { DataSource } from 'typeorm';

interface TrackedMessage {
  id: string;
  project_id: string;
  channel: Channel;
  user_id: string;
  external_id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Channels whose users can opt out (webhooks reach the customer's backend, not a person). */
const OPT_IN_CHANNELS = new Set<Channel>(['email', 'push', 'whatsapp', 'sms']);

/**
 * The tracking links of sent messages: opens, clicks and unsubscribes become events of the
 * message's user. Tokens are signed (verifyTrackingToken), so a link cannot be bent to another
 * message or URL; the first open counts, later ones are duplicates by idempotency key.
 */
@Injectable()
export class TrackingService {
  private readonly secret: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestEvents,
    @Inject(EXECUTION_CONFIG) config: ExecutionConfig,
  ) {
    this.secret = trackingSecret(config.encryptionKey);
  }

  /** An email's open pixel, or a push open reported by the app. */
  async open(token: string): Promise<void> {
    const message = await this.resolve(token, 'open');
    if (message.channel !== 'email' && message.channel !== 'push') throw new NotFoundException('Opens are tracked for email and push messages only');
    await this.ingest.ingest(message.project_id, [this.openEvent(message)]);
  }

  /** The URL to redirect to: only ever the one inside a valid token. */
  async click(token: string): Promise<string> {
    const { url, ...message } = await this.resolve(token, 'click');
    if (message.channel === 'email') {
      const urlHash = createHash('sha1').update(url).digest('hex');
      await this.ingest.ingest(message.project_id, [
        // A click proves the open, also when the mail client blocked the pixel.
        this.openEvent(message),
        { ...this.eventOf(message, 'PW_EmailClicked', `click:${message.id}:${urlHash}`), attributes: { messageId: message.id, url } },
      ]);
    }
    return url;
  }

  /** Turns the user's opt-in of the message's channel off. */
  async unsubscribe(token: string): Promise<Channel> {
    const message = await this.resolve(token, 'unsubscribe');
    if (!OPT_IN_CHANNELS.has(message.channel)) throw new NotFoundException('This message has no unsubscribe link');
    await UserStore.optOut(this.dataSource.manager, message.user_id, message.channel);
    return message.channel;
  }

  /** The message a token of this kind stands for; 404 for anything forged, altered or erased (GDPR). */
  private async resolve(token: string, kind: 'click'): Promise<TrackedMessage & { url: string }>;
  private async resolve(token: string, kind: Exclude<TrackingKind, 'click'>): Promise<TrackedMessage>;
  private async resolve(token: string, kind: TrackingKind): Promise<TrackedMessage & { url?: string }> {
    const payload = verifyTrackingToken(token, this.secret);
    if (!payload || payload.kind !== kind || !UUID.test(payload.messageId)) throw new NotFoundException('This link is not valid');
    const [message] = await this.dataSource.query<TrackedMessage[]>(
      `SELECT m.id, m.project_id, m.channel, m.user_id, u.external_id FROM messages m JOIN users u ON u.id = m.user_id WHERE m.id = $1`,
      [payload.messageId],
    );
    if (!message) throw new NotFoundException('This message no longer exists');
    return payload.url === undefined ? message : { ...message, url: payload.url };
  }

  private openEvent(message: TrackedMessage): IncomingEvent {
    return message.channel === 'push'
      ? this.eventOf(message, 'PW_PushOpened', `push-open:${message.id}`)
      : this.eventOf(message, 'PW_EmailOpened', `open:${message.id}`);
  }

  private eventOf(message: TrackedMessage, name: string, idempotencyKey: string): IncomingEvent {
    return { userId: message.external_id, name, attributes: { messageId: message.id }, occurredAt: new Date(), idempotencyKey };
  }
}
