import { type Channel } from '@engine/journey';
import { type AppUserEntity } from '@engine/persistence';
import { type OutgoingMessage } from '@engine/channels';

/** The user's address on a channel, or why there is none (then the message is suppressed). */
export function recipientFor(channel: Channel, user: Pick<AppUserEntity, 'optIns' | 'pushTokens' | 'email' | 'phone'>): { to: OutgoingMessage['to'] } | { missing: string } {
  switch (channel) {
    case 'push':
      if (!user.optIns.push) return { missing: 'the user opted out of push' };
      if (user.pushTokens.length === 0) return { missing: 'the user has no push token' };
      return { to: { pushTokens: user.pushTokens.map(({ token, platform }) => ({ token, platform })) } };
    case 'email':
      if (!user.optIns.email) return { missing: 'the user opted out of email' };
      if (!user.email) return { missing: 'the user has no email address' };
      return { to: { email: user.email } };
    case 'whatsapp':
    case 'sms':
      if (!user.optIns[channel]) return { missing: `the user opted out of ${channel === 'sms' ? 'SMS' : 'WhatsApp'}` };
      if (!user.phone) return { missing: 'the user has no phone number' };
      return { to: { phone: user.phone } };
    case 'webhook':
      return { to: {} };
  }
}
