import { type ChannelProvider, type OutgoingMessage, type SendResult } from '../channel-provider';
import { aggregatePushOutcomes, type PushTokenSender, unservedTokens } from './push-token-outcome';

/**
 * The push channel of a project with both Web Push and FCM: each token goes to the sender of its
 * platform, and the message counts as sent when any token took it.
 */
export class CombinedPushProvider implements ChannelProvider {
  readonly name = 'push';

  constructor(private readonly senders: PushTokenSender[]) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const targets = message.to.pushTokens ?? [];
    const served = this.senders.flatMap((sender) => sender.platforms);
    const outcomes = await Promise.all(this.senders.map((sender) => sender.sendToTokens(message, targets)));
    return aggregatePushOutcomes([...outcomes.flat(), ...unservedTokens(targets, served)]);
  }
}
