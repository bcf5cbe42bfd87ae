import { phoneCountry } from '@engine/journey';
import { type ChannelOptIns, type PushToken, type UserUpsertRow } from '@engine/persistence';

export const PUSH_TOKEN_PLATFORMS = ['web', 'android', 'ios'] as const;

/** What one upsert asks to change for one user; undefined fields stay as they are. */
export interface UserChanges {
  userId: string;
  tags?: Record<string, unknown>;
  email?: string | null;
  phone?: string | null;
  /** The phone's country when the caller normalised it already; else derived from the phone. */
  country?: string | null;
  timeZone?: string | null;
  language?: string | null;
  optIns?: Partial<ChannelOptIns>;
  pushTokens?: { token: string; platform: PushToken['platform'] }[];
}

/**
 * Folds the entries of one batch that name the same user into one change each, applying them in
 * order, so a batch means the same as its users sent one by one (and ON CONFLICT never meets a
 * user twice in one statement).
 */
export function mergeUserChanges(changes: UserChanges[]): UserChanges[] {
  const byUser = new Map<string, UserChanges>();
  for (const change of changes) {
    const earlier = byUser.get(change.userId);
    if (!earlier) {
      byUser.set(change.userId, change);
      continue;
    }
    byUser.set(change.userId, {
      ...earlier,
      ...definedFields(change),
      ...(earlier.tags || change.tags ? { tags: { ...earlier.tags, ...change.tags } } : {}),
      ...(earlier.optIns || change.optIns ? { optIns: { ...earlier.optIns, ...change.optIns } } : {}),
    });
  }
  return [...byUser.values()];
}

function definedFields(change: UserChanges): Partial<UserChanges> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}

export function toUpsertRow(change: UserChanges, now: string): UserUpsertRow {
  const tagEntries = change.tags ? Object.entries(change.tags) : undefined;
  return {
    external_id: change.userId,
    tags: tagEntries ? Object.fromEntries(tagEntries.filter(([, value]) => value !== null)) : null,
    removed_tags: tagEntries ? tagEntries.filter(([, value]) => value === null).map(([name]) => name) : null,
    email: change.email ?? null,
    has_email: change.email !== undefined,
    phone: change.phone ?? null,
    country: change.phone ? (change.country !== undefined ? change.country : phoneCountry(change.phone)) : null,
    has_phone: change.phone !== undefined,
    time_zone: change.timeZone ?? null,
    has_time_zone: change.timeZone !== undefined,
    language: change.language ?? null,
    has_language: change.language !== undefined,
    opt_ins: change.optIns ?? null,
    push_tokens: change.pushTokens ? uniqueTokens(change.pushTokens).map((token) => ({ ...token, addedAt: now })) : null,
  };
}

/** One entry per token; a repeated token keeps its first position and its last platform. */
function uniqueTokens(tokens: NonNullable<UserChanges['pushTokens']>): NonNullable<UserChanges['pushTokens']> {
  const byToken = new Map<string, PushToken['platform']>();
  for (const { token, platform } of tokens) byToken.set(token, platform);
  return [...byToken].map(([token, platform]) => ({ token, platform }));
}

