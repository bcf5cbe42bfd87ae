import { USER_CHANNELS, type UserChannel } from '@engine/journey';
import { recipientFor } from '../send/recipient';
import { type SendPolicyUser } from '../send/send-policy';

/** Per channel, whether the send policy would find the user (opted in, with an address), else why not. */
export function channelReachability(user: Omit<SendPolicyUser, 'lastInboundWhatsAppAt'>): Array<{ channel: UserChannel; reachable: boolean; reason?: string }> {
  return USER_CHANNELS.map((channel) => {
    const recipient = recipientFor(channel, user);
    return 'missing' in recipient ? { channel, reachable: false, reason: recipient.missing } : { channel, reachable: true };
  });
}
