import { type UserFacts } from '@engine/journey';
import { type AppUserEntity } from '@engine/persistence';

/** What a journey may know of a user: profile, tags and which channels can reach them. */
export function userFacts(user: Pick<AppUserEntity, 'externalId' | 'tags' | 'email' | 'phone' | 'timeZone' | 'language' | 'optIns' | 'pushTokens'>): UserFacts {
  return {
    id: user.externalId,
    tags: user.tags ?? {},
    ...(user.email ? { email: user.email } : {}),
    ...(user.phone ? { phone: user.phone } : {}),
    ...(user.timeZone ? { timeZone: user.timeZone } : {}),
    ...(user.language ? { language: user.language } : {}),
    reachable: {
      push: user.optIns.push && user.pushTokens.length > 0,
      email: user.optIns.email && Boolean(user.email),
      whatsapp: user.optIns.whatsapp && Boolean(user.phone),
      sms: user.optIns.sms && Boolean(user.phone),
    },
  };
}
