import { type UserFacts } from '@engine/journey';
import { type AppUserEntity } from '@engine/persistence';

type FactsSource = Pick<AppUserEntity, 'externalId' | 'tags' | 'email' | 'phone' | 'timeZone' | 'language' | 'optIns' | 'pushTokens'> &
  Partial<Pick<AppUserEntity, 'country' | 'createdAt' | 'lastSeenAt' | 'lastInboundWhatsAppAt'>>;

/** What a journey may know of a user: profile, tags, default tags and which channels can reach them. */
export function userFacts(user: FactsSource): UserFacts {
  return {
    id: user.externalId,
    tags: user.tags ?? {},
    ...(user.email ? { email: user.email } : {}),
    ...(user.phone ? { phone: user.phone } : {}),
    ...(user.timeZone ? { timeZone: user.timeZone } : {}),
    ...(user.language ? { language: user.language } : {}),
    ...(user.country ? { country: user.country } : {}),
    ...(user.createdAt ? { firstSeenAt: user.createdAt.toISOString() } : {}),
    ...(user.lastSeenAt ? { lastSeenAt: user.lastSeenAt.toISOString() } : {}),
    ...(user.lastInboundWhatsAppAt ? { lastInboundWhatsAppAt: user.lastInboundWhatsAppAt.toISOString() } : {}),
    reachable: {
      push: user.optIns.push && user.pushTokens.length > 0,
      email: user.optIns.email && Boolean(user.email),
      whatsapp: user.optIns.whatsapp && Boolean(user.phone),
      sms: user.optIns.sms && Boolean(user.phone),
    },
    optIns: { ...user.optIns },
  };
}
