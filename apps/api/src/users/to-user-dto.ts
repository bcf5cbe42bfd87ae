import { userFacts } from '@engine/execution';
import { type AppUserEntity } from '@engine/persistence';
import { type UserDto } from './dto/user.response';

export function toUserDto(user: AppUserEntity): UserDto {
  return {
    userId: user.externalId,
    tags: user.tags,
    email: user.email,
    phone: user.phone,
    timeZone: user.timeZone,
    language: user.language,
    optIns: user.optIns,
    pushTokens: user.pushTokens,
    lastInboundWhatsAppAt: user.lastInboundWhatsAppAt?.toISOString() ?? null,
    country: user.country,
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    // The engine's own reachability (what journeys and the send policy see).
    reachable: { push: false, email: false, whatsapp: false, sms: false, ...userFacts(user).reachable },
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
